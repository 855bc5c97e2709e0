package org.custodian.gateway.ratelimit;

import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.gateway.GatewayConfig;

/**
 * The rate limit on the public routes of this gateway instance ({@code custodian.gateway.rate-limit.public}): there is
 * no caller to count, so it counts by client address, as the limit on failed authentications does.
 */
@ApplicationScoped
public class PublicRateLimits {

    private final RateLimiter limiter;

    PublicRateLimits(GatewayConfig config, Vertx vertx) {
        GatewayConfig.PublicRateLimit limit = config.rateLimit().publicRoutes();
        if (limit.enabled()) {
            limiter = new RateLimiter(limit.capacity(), limit.refillPerSecond(), System::nanoTime);
            vertx.setPeriodic(60_000, timer -> limiter.sweep());
        } else {
            limiter = null;
        }
    }

    public RateLimiter.Decision acquire(SocketAddress client) {
        return limiter == null ? RateLimiter.Decision.UNLIMITED : limiter.acquire(AuthFailureLimit.clientKey(client));
    }
}
