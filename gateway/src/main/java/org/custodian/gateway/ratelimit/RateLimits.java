package org.custodian.gateway.ratelimit;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.gateway.GatewayConfig;

/** The per-caller rate limit of this gateway instance (each replica counts on its own). */
@ApplicationScoped
public class RateLimits {

    private final RateLimiter limiter;

    RateLimits(GatewayConfig config, Vertx vertx) {
        GatewayConfig.RateLimit limit = config.rateLimit();
        if (limit.enabled()) {
            limiter = new RateLimiter(limit.capacity(), limit.refillPerSecond(), System::nanoTime);
            vertx.setPeriodic(60_000, timer -> limiter.sweep());
        } else {
            limiter = null;
        }
    }

    public RateLimiter.Decision acquire(String caller) {
        return limiter == null ? RateLimiter.Decision.UNLIMITED : limiter.acquire(caller);
    }
}
