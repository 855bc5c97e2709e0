package org.custodian.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers on every answer, whatever produced it (a resource, a problem mapper, the route problems, a body limit):
 * {@code X-Content-Type-Options: nosniff} everywhere, and {@code Cache-Control: no-store} on every answer of the API
 * ({@code /api/} and {@code /internal/}), which may carry personal data and must not be kept by a browser or a
 * shared cache (issue 16, finding 14).
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String NOSNIFF = "nosniff";
    public static final String NO_STORE = "no-store";

    void register(@Observes Filters filters) {
        // before everything else, so that the earliest refusals carry them too
        filters.register(SecurityHeaders::add, 2000);
    }

    static void add(RoutingContext rc) {
        boolean api = isApi(rc.request().path());
        rc.addHeadersEndHandler(headersEnd -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", NOSNIFF);
            if (api) {
                headers.set("Cache-Control", NO_STORE);
            }
        });
        rc.next();
    }

    /** The paths whose answers carry personal data: the API, public and internal. */
    public static boolean isApi(String path) {
        return path != null && (path.startsWith("/api/") || path.startsWith("/internal/"));
    }
}
