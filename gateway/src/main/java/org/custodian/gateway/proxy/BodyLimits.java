package org.custodian.gateway.proxy;

import java.util.Map;

/**
 * The largest request body each resource accepts. A client that sends too much is answered 413 while the rest of
 * its body is read and dropped, so that it can read the answer; one that would send more than twice the limit is
 * disconnected instead.
 */
public record BodyLimits(long fallback, Map<String, Long> byResource) {

    public long limitFor(String resource) {
        return byResource.getOrDefault(resource, fallback);
    }

    public static boolean worthDraining(long bytes, long limit) {
        return bytes <= 2 * limit;
    }

    public static String detail(long limit) {
        return "the request body is larger than the " + limit + " bytes this resource accepts";
    }
}
