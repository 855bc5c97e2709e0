package org.custodian.retention.support;

import java.util.UUID;
import org.custodian.platform.problems.Problems;

/** Ids in paths are UUIDs; anything else names nothing that exists. */
public final class Ids {

    private Ids() {}

    public static UUID parse(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Problems.notFound("no " + what + " with that id");
        }
    }
}
