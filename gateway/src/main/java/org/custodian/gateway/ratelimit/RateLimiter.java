package org.custodian.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** One token bucket per caller. Buckets that have refilled completely are forgotten by {@link #sweep()}. */
public final class RateLimiter {

    /** Allowed, or refused with the whole seconds to wait before trying again (at least 1). */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final Decision ALLOWED = new Decision(true, 0);

    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final int capacity;
    private final double refillPerSecond;
    private final LongSupplier nanoClock;

    public RateLimiter(int capacity, double refillPerSecond, LongSupplier nanoClock) {
        if (capacity < 1 || !(refillPerSecond > 0)) {
            throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.nanoClock = nanoClock;
    }

    public Decision acquire(String caller) {
        long now = nanoClock.getAsLong();
        long wait = buckets.computeIfAbsent(caller, c -> new TokenBucket(capacity, refillPerSecond, now)).tryTake(now);
        if (wait == 0) {
            return ALLOWED;
        }
        return new Decision(false, Math.max(1, (wait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1)));
    }

    public void sweep() {
        long now = nanoClock.getAsLong();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    int tracked() {
        return buckets.size();
    }
}
