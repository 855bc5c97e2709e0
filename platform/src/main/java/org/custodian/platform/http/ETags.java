package org.custodian.platform.http;

import org.custodian.platform.problems.Problems;

/**
 * Optimistic concurrency for updates of mutable resources: a resource's version is its strong {@code ETag}
 * ({@code "7"}); an update must send it back in {@code If-Match}. Missing → 428, stale → 412.
 */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Checks {@code If-Match} against the current version; {@code *} matches any existing version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired("send If-Match with the ETag of the version you are changing");
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(of(currentVersion))) {
                return;
            }
        }
        throw Problems.preconditionFailed("the resource has changed since you read it (current ETag "
                + of(currentVersion) + "); read it again and retry");
    }
}
