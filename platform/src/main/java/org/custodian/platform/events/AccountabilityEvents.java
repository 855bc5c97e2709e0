package org.custodian.platform.events;

import java.time.Instant;
import java.util.List;

/**
 * The {@code data} of the events accountability-service puts on {@code custodian.accountability.v1}, about the school.
 * They say which version of which document changed and what changed in it, never the document itself.
 */
public final class AccountabilityEvents {

    private AccountabilityEvents() {}

    /**
     * {@code notice.published}: the DPO published a version of the school's privacy notice.
     *
     * @param hash            the SHA-256 of the version's canonical JSON, hex: what the version is known by
     * @param changedSections the sections that differ from the previous version (all of them for the first)
     */
    public record NoticePublished(
            int version, String hash, List<String> changedSections, String publishedBy, Instant publishedAt) {}

    /**
     * {@code notice.outdated}: a fact changed so that the published version no longer describes what the school
     * does; sent when the notice goes from current to outdated, not for every further difference.
     *
     * @param publishedVersion the version that is now out of date
     * @param sections         the sections that would change
     */
    public record NoticeOutdated(int publishedVersion, List<String> sections, Instant detectedAt) {}
}
