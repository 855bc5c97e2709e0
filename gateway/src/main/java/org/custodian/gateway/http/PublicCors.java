package org.custodian.gateway.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS on the public routes: any web site may read them (a school's own site shows its privacy notice), because they
 * carry no credentials. {@code Access-Control-Allow-Origin: *} on every answer, never with credentials, and
 * preflights for reading answered. The API's CORS (Quarkus's filter and {@link CorsRefusals}, which hold it to
 * {@code CUSTODIAN_CORS_ORIGINS}) never sees a public request.
 */
public final class PublicCors {

    static final String ALLOWED_METHODS = "GET, HEAD";
    static final String ALLOWED_HEADERS = "Accept, If-None-Match, X-Request-Id";
    static final String EXPOSED_HEADERS =
            "ETag, X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";

    private PublicCors() {}

    /** Lets any origin read the answer, whatever it turns out to be. */
    public static void allowAnyOrigin(RoutingContext rc) {
        rc.addHeadersEndHandler(headersEnd -> rc.response()
                .headers()
                .set("Access-Control-Allow-Origin", "*")
                .set("Access-Control-Expose-Headers", EXPOSED_HEADERS));
    }

    public static boolean isPreflight(HttpServerRequest request) {
        return request.method().equals(HttpMethod.OPTIONS)
                && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    public static void answerPreflight(RoutingContext rc) {
        rc.response()
                .setStatusCode(204)
                .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .putHeader("Access-Control-Max-Age", "600")
                .end();
    }
}
