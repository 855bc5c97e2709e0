package org.custodian.accountability.notice;

import java.time.Instant;
import java.util.List;

/**
 * Whether the published notice still describes what the school does.
 *
 * @param published     the version in force, or null when none is published
 * @param outdatedSince when a fact first made it outdated (null while it is current)
 */
public record NoticeStatus(State state, Integer published, Instant outdatedSince, List<Difference> differences) {

    public enum State {
        CURRENT,
        OUTDATED,
        NOT_PUBLISHED
    }
}
