package org.custodian.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an {@code X-Request-Id}: the caller's own when it is a sensible token, a new UUID otherwise.
 * The id is echoed on the response, kept on the routing context and put in the logging context.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String CONTEXT_KEY = "custodian.requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(RequestIds::assign, 1000);
    }

    static void assign(RoutingContext rc) {
        String id = accept(rc.request().getHeader(HEADER));
        rc.put(CONTEXT_KEY, id);
        rc.request().headers().set(HEADER, id);
        rc.response().putHeader(HEADER, id);
        MDC.put("requestId", id);
        rc.addEndHandler(done -> MDC.remove("requestId"));
        rc.next();
    }

    /** The id to use for a request that came with {@code offered} (null when none was sent). */
    public static String accept(String offered) {
        if (offered != null && ACCEPTABLE.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }

    public static String of(RoutingContext rc) {
        String id = rc == null ? null : rc.get(CONTEXT_KEY);
        return id;
    }
}
