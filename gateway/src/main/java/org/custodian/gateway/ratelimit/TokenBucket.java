package org.custodian.gateway.ratelimit;

/** Holds up to {@code capacity} tokens and refills continuously; each request takes one. Times are in nanoseconds. */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(double capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token and returns 0, or takes nothing and returns the nanoseconds until a token will be there. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** The nanoseconds until a token will be there: 0 when one is there now. Takes nothing. */
    synchronized long untilNext(long now) {
        refill(now);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
    }

    /** The whole tokens left. */
    synchronized long remaining(long now) {
        refill(now);
        return (long) Math.floor(tokens);
    }

    /** The nanoseconds until the bucket is full again. */
    synchronized long untilFull(long now) {
        refill(now);
        return (long) Math.ceil((capacity - tokens) / perNano);
    }

    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            updatedAt = now;
        }
    }
}
