package org.custodian.gateway.problems;

import java.util.Map;

/** The gateway's problems: the same type slugs and titles per status as the services' {@code Problems.forStatus}. */
public final class Problems {

    private static final Map<Integer, String[]> BY_STATUS = Map.ofEntries(
            Map.entry(400, new String[] {"bad-request", "Bad request"}),
            Map.entry(401, new String[] {"unauthorized", "Authentication required"}),
            Map.entry(403, new String[] {"forbidden", "Forbidden"}),
            Map.entry(404, new String[] {"not-found", "Not found"}),
            Map.entry(405, new String[] {"method-not-allowed", "Method not allowed"}),
            Map.entry(413, new String[] {"payload-too-large", "Payload too large"}),
            Map.entry(429, new String[] {"rate-limited", "Too many requests"}),
            Map.entry(500, new String[] {"internal", "Internal error"}),
            Map.entry(502, new String[] {"bad-gateway", "Bad gateway"}),
            Map.entry(503, new String[] {"unavailable", "Service unavailable"}),
            Map.entry(504, new String[] {"gateway-timeout", "Gateway timeout"}));

    private Problems() {}

    public static Problem forStatus(int status, String detail) {
        String[] known = BY_STATUS.get(status);
        if (known == null) {
            return new Problem(Problem.TYPE_BASE + "http-" + status, "HTTP " + status, status, detail);
        }
        return new Problem(Problem.TYPE_BASE + known[0], known[1], status, detail);
    }
}
