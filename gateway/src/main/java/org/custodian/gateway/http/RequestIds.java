package org.custodian.gateway.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.custodian.gateway.proxy.Headers;

/**
 * Gives every request an {@code X-Request-Id} before anything else runs: the caller's own when it is a sensible
 * token, a new UUID otherwise. It is echoed on the response and passed on to the upstream.
 */
@ApplicationScoped
public class RequestIds {

    private static final String CONTEXT_KEY = "custodian.requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(RequestIds::assign, 2000);
    }

    static void assign(RoutingContext rc) {
        String id = accept(rc.request().getHeader(Headers.REQUEST_ID));
        rc.put(CONTEXT_KEY, id);
        rc.response().putHeader(Headers.REQUEST_ID, id);
        rc.next();
    }

    /** The id for a request that came with {@code offered} (null when it sent none). */
    public static String accept(String offered) {
        if (offered != null && ACCEPTABLE.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }

    public static String of(RoutingContext rc) {
        return rc.get(CONTEXT_KEY);
    }
}
