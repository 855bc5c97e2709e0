package org.custodian.gateway.ratelimit;

import io.vertx.ext.web.RoutingContext;
import org.custodian.gateway.problems.ProblemResponses;

/** What a rate-limit decision does to the answer: its RateLimit headers, and a 429 when it refuses the request. */
public final class RateLimitResponses {

    private RateLimitResponses() {}

    /**
     * Puts the decision's {@code RateLimit-*} headers on the answer, whatever it turns out to be; when the decision
     * refuses the request, answers 429 with {@code Retry-After} and returns false.
     */
    public static boolean admit(RoutingContext rc, RateLimiter.Decision rate) {
        if (rate.limit() > 0) {
            rc.addHeadersEndHandler(v -> rc.response()
                    .headers()
                    .set("RateLimit-Limit", Long.toString(rate.limit()))
                    .set("RateLimit-Remaining", Long.toString(rate.remaining()))
                    .set("RateLimit-Reset", Long.toString(rate.resetSeconds())));
        }
        if (!rate.allowed()) {
            rc.response().putHeader("Retry-After", Long.toString(rate.retryAfterSeconds()));
            ProblemResponses.send(rc, 429, "too many requests; try again in " + rate.retryAfterSeconds() + " s");
            return false;
        }
        return true;
    }
}
