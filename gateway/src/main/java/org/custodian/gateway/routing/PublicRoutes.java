package org.custodian.gateway.routing;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.custodian.gateway.http.PublicCors;
import org.custodian.gateway.http.RequestIds;
import org.custodian.gateway.problems.ProblemResponses;
import org.custodian.gateway.proxy.UpstreamProxy;
import org.custodian.gateway.ratelimit.PublicRateLimits;
import org.custodian.gateway.ratelimit.RateLimitResponses;

/**
 * The public routes, {@code /public/**}: what anyone may read without a token, such as a school's privacy notice. They
 * are answered before CORS and authentication run, so nothing a browser or a crawler sends (a stale token, a cookie,
 * its web site's origin) can make a public page a 401 or a 403, and the token and cookies are not passed on. In
 * order: the client address's rate (429), a route (404), the method (405 unless GET or HEAD; a CORS preflight is
 * answered); then the request goes to its upstream.
 */
@ApplicationScoped
public class PublicRoutes {

    /**
     * After the security headers (2100) and the request id (2000); before the CORS refusals (1000), Quarkus's CORS
     * (300), the limit on failed authentications (250) and authentication (200), none of which sees a public request.
     */
    static final int ORDER = -1500;

    static final String ROOT = "/public/";

    private final PublicRouteTable routes;
    private final PublicRateLimits rateLimits;
    private final UpstreamProxy proxy;

    PublicRoutes(PublicRouteTable routes, PublicRateLimits rateLimits, UpstreamProxy proxy) {
        this.routes = routes;
        this.rateLimits = rateLimits;
        this.proxy = proxy;
    }

    void register(@Observes Router router) {
        router.route(ROOT + "*").order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        PublicCors.allowAnyOrigin(rc);
        if (!RateLimitResponses.admit(rc, rateLimits.acquire(rc.request().remoteAddress()))) {
            return;
        }
        String path = rc.normalizedPath();
        Resolution route = routes.resolve(path);
        switch (route.outcome()) {
            case BAD_URN -> ProblemResponses.send(rc, 404, "'" + route.urn() + "' is not a school URN (six digits)");
            case NOT_FOUND -> ProblemResponses.send(rc, 404, "there is no such public resource");
            case ROUTED -> read(rc, route, path);
        }
    }

    private void read(RoutingContext rc, Resolution route, String path) {
        HttpMethod method = rc.request().method();
        if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
            String query = rc.request().query();
            proxy.forwardAnonymously(
                    rc, route.upstream(), query == null ? path : path + "?" + query, RequestIds.of(rc));
        } else if (PublicCors.isPreflight(rc.request())) {
            PublicCors.answerPreflight(rc);
        } else {
            rc.response().putHeader("Allow", "GET, HEAD");
            ProblemResponses.send(rc, 405, "a public resource can only be read (GET or HEAD)");
        }
    }
}
