package org.custodian.gateway.routing;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.custodian.gateway.http.RequestIds;
import org.custodian.gateway.problems.ProblemResponses;
import org.custodian.gateway.proxy.BodyLimits;
import org.custodian.gateway.proxy.UpstreamProxy;
import org.custodian.gateway.ratelimit.RateLimitResponses;
import org.custodian.gateway.ratelimit.RateLimits;
import org.custodian.gateway.security.Caller;
import org.custodian.gateway.security.rules.AccessRules;

/**
 * The public API, {@code /api/v1/*}, on Quarkus's own router, so that the token has been verified by the time a
 * request gets here. In order: a token (401), the caller's rate (429), a route (400, 404), the caller's schools and
 * roles (403), the body size (413); then the request goes to its upstream.
 */
@ApplicationScoped
public class GatewayRoutes {

    private final RouteTable routes;
    private final AccessRules rules;
    private final BodyLimits bodyLimits;
    private final RateLimits rateLimits;
    private final UpstreamProxy proxy;

    GatewayRoutes(
            RouteTable routes, AccessRules rules, BodyLimits bodyLimits, RateLimits rateLimits, UpstreamProxy proxy) {
        this.routes = routes;
        this.rules = rules;
        this.bodyLimits = bodyLimits;
        this.rateLimits = rateLimits;
        this.proxy = proxy;
    }

    void register(@Observes Router router) {
        router.route(RouteTable.API_PREFIX + "*").handler(this::handle);
    }

    void handle(RoutingContext rc) {
        SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous()) {
            ProblemResponses.unauthorized(rc, "a valid bearer token is required");
            return;
        }
        Caller caller = Caller.of(identity);
        if (!RateLimitResponses.admit(rc, rateLimits.acquire(caller.subject()))) {
            return;
        }
        String path = rc.normalizedPath();
        Resolution route = routes.resolve(path);
        switch (route.outcome()) {
            case BAD_URN -> ProblemResponses.send(rc, 400, "'" + route.urn() + "' is not a school URN (six digits)");
            case NOT_FOUND -> ProblemResponses.send(rc, 404, "there is no such resource");
            case ROUTED -> authorize(rc, caller, route, path);
        }
    }

    private void authorize(RoutingContext rc, Caller caller, Resolution route, String path) {
        if (route.urn() != null && !caller.schools().contains(route.urn())) {
            ProblemResponses.send(rc, 403, "your token does not cover school " + route.urn());
        } else if (!rules.allows(caller.roles(), path.substring(RouteTable.API_PREFIX.length()))) {
            ProblemResponses.send(rc, 403, "your role does not allow this resource");
        } else {
            String query = rc.request().query();
            proxy.forward(
                    rc,
                    route.upstream(),
                    query == null ? path : path + "?" + query,
                    bodyLimits.limitFor(route.resource()),
                    RequestIds.of(rc));
        }
    }
}
