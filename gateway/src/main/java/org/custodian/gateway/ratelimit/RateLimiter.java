package org.custodian.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** One token bucket per caller. Buckets that have refilled completely are forgotten by {@link #sweep()}. */
public final class RateLimiter {

    /**
     * Allowed, or refused with the whole seconds to wait before trying again (at least 1); and what the caller is told
     * in the RateLimit headers: the capacity, the requests left and the whole seconds until all are back. A limit of 0
     * means no limit applies.
     */
    public record Decision(boolean allowed, long retryAfterSeconds, long limit, long remaining, long resetSeconds) {
        public static final Decision UNLIMITED = new Decision(true, 0, 0, 0, 0);
    }

    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final int capacity;
    private final double refillPerSecond;
    private final LongSupplier nanoClock;

    public RateLimiter(int capacity, double refillPerSecond, LongSupplier nanoClock) {
        if (capacity < 1 || !(refillPerSecond > 0)) {
            throw new IllegalArgumentException(
                    "a rate limit needs a capacity of at least 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.nanoClock = nanoClock;
    }

    public Decision acquire(String caller) {
        long now = nanoClock.getAsLong();
        TokenBucket bucket = buckets.computeIfAbsent(caller, c -> new TokenBucket(capacity, refillPerSecond, now));
        long wait = bucket.tryTake(now);
        return new Decision(
                wait == 0,
                wait == 0 ? 0 : Math.max(1, wholeSeconds(wait)),
                capacity,
                bucket.remaining(now),
                wholeSeconds(bucket.untilFull(now)));
    }

    /** Whether the caller has a token left, without taking it (a caller never seen has them all). */
    public Decision peek(String caller) {
        TokenBucket bucket = buckets.get(caller);
        if (bucket == null) {
            return new Decision(true, 0, capacity, capacity, 0);
        }
        long now = nanoClock.getAsLong();
        long wait = bucket.untilNext(now);
        return new Decision(
                wait == 0,
                wait == 0 ? 0 : Math.max(1, wholeSeconds(wait)),
                capacity,
                bucket.remaining(now),
                wholeSeconds(bucket.untilFull(now)));
    }

    private static long wholeSeconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    public void sweep() {
        long now = nanoClock.getAsLong();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    int tracked() {
        return buckets.size();
    }
}
