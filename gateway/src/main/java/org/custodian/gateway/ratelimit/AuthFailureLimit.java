package org.custodian.gateway.ratelimit;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.custodian.gateway.GatewayConfig;
import org.custodian.gateway.problems.ProblemResponses;
import org.custodian.gateway.routing.RouteTable;
import org.custodian.tokens.VerifiedTokens;

/**
 * Failed authentications per client address, limited before any token is verified. Every 401 takes a token from
 * the address's bucket ({@code custodian.gateway.auth-failure-limit}); while the bucket is empty, a request from that
 * address that would need a token verified (a token not verified here before, or none on {@code /api/v1}) is answered
 * 429 with {@code Retry-After} before the security layer looks at it. A token this replica has already verified still
 * passes, so one misbehaving client behind a school's NAT does not lock its colleagues out. IPv6 addresses count by
 * their /64, which one client usually holds whole. The address is the connection's, or the balancer's
 * {@code X-Forwarded-For} where Quarkus is told to trust it (gateway README).
 */
@ApplicationScoped
public class AuthFailureLimit {

    /** Before Quarkus authenticates (200) and after CORS answers preflights (300). */
    static final int PRIORITY = 250;

    private final RateLimiter limiter;
    private final VerifiedTokens tokens;

    AuthFailureLimit(GatewayConfig config, VerifiedTokens tokens, Vertx vertx) {
        GatewayConfig.RateLimit limit = config.authFailureLimit();
        this.tokens = tokens;
        if (limit.enabled()) {
            limiter = new RateLimiter(limit.capacity(), limit.refillPerSecond(), System::nanoTime);
            vertx.setPeriodic(60_000, timer -> limiter.sweep());
        } else {
            limiter = null;
        }
    }

    void register(@Observes Filters filters) {
        if (limiter != null) {
            filters.register(this::filter, PRIORITY);
        }
    }

    void filter(RoutingContext rc) {
        String client = clientKey(rc.request().remoteAddress());
        RateLimiter.Decision left = limiter.peek(client);
        if (!left.allowed() && needsVerification(rc)) {
            rc.response().putHeader("Retry-After", Long.toString(left.retryAfterSeconds()));
            ProblemResponses.send(
                    rc,
                    429,
                    "too many failed authentications from your address; try again in " + left.retryAfterSeconds()
                            + " s");
            return;
        }
        rc.addHeadersEndHandler(ended -> {
            if (rc.response().getStatusCode() == 401) {
                limiter.acquire(client);
            }
        });
        rc.next();
    }

    private boolean needsVerification(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        if (authorization == null) {
            return rc.normalizedPath().startsWith(RouteTable.API_PREFIX);
        }
        boolean bearer = authorization.length() > 7
                && authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ");
        return !bearer || !tokens.remembers(authorization.substring(7).trim());
    }

    /** The key an address is counted under: itself, or for IPv6 its /64. */
    static String clientKey(SocketAddress address) {
        return address == null ? "unknown" : clientKey(address.hostAddress());
    }

    static String clientKey(String hostAddress) {
        if (hostAddress == null || hostAddress.indexOf(':') < 0) {
            return String.valueOf(hostAddress);
        }
        try {
            InetAddress parsed = InetAddress.getByName(hostAddress); // a literal: no lookup
            if (parsed instanceof Inet6Address) {
                byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return hostAddress;
        }
    }
}
