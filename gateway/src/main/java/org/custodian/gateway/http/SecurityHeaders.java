package org.custodian.gateway.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers on every answer of the gateway, its own problems and the services' answers alike (issue 16, finding 14):
 * {@code X-Content-Type-Options: nosniff} everywhere, and {@code Cache-Control: no-store} on everything under
 * {@code /api/}, which may carry personal data and must not be kept by a browser or a shared cache. They are set as
 * the answer's headers are written, over whatever an upstream said.
 */
@ApplicationScoped
public class SecurityHeaders {

    void register(@Observes Filters filters) {
        // before everything else (the request id is 2000), so that the earliest refusals carry them too
        filters.register(SecurityHeaders::add, 2100);
    }

    static void add(RoutingContext rc) {
        boolean api = rc.request().path() != null && rc.request().path().startsWith("/api/");
        rc.addHeadersEndHandler(headersEnd -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            if (api) {
                headers.set("Cache-Control", "no-store");
            }
        });
        rc.next();
    }
}
