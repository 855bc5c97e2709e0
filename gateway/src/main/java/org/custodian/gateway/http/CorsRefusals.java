package org.custodian.gateway.http;

import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.custodian.gateway.problems.ProblemResponses;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A browser request from an origin that is not allowed ({@code quarkus.http.cors.origins}) is refused with a 403
 * problem+json and no CORS headers (issue 17), where Quarkus's CORS filter would answer an empty 403. It runs just
 * before that filter and decides as it does: an origin listed, matching a listed {@code /regex/}, any origin under
 * {@code *}, or the gateway's own origin passes on to it; anything else is refused here.
 */
@ApplicationScoped
public class CorsRefusals {

    /** After the request id (2000) and the security headers (2100), before Quarkus's CORS filter (300). */
    static final int PRIORITY = 1000;

    static final String DETAIL = "this origin may not call the API from a browser (CORS)";

    private final boolean enabled;
    private final boolean anyOrigin;
    private final List<String> origins;
    private final List<Pattern> patterns;

    CorsRefusals(
            @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.enabled = enabled;
        this.origins = origins.orElse(List.of());
        this.anyOrigin = this.origins.contains("*") || this.origins.contains("/.*/");
        this.patterns = CORSFilter.parseAllowedOriginsRegex(origins);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        String origin = rc.request().getHeader("Origin");
        if (!enabled || origin == null || allowed(origin) || sameOrigin(rc.request(), origin)) {
            rc.next();
            return;
        }
        ProblemResponses.send(rc, 403, DETAIL);
    }

    boolean allowed(String origin) {
        return anyOrigin || origins.contains(origin) || CORSFilter.isOriginAllowedByRegex(patterns, origin);
    }

    /** The origin is the gateway's own (scheme, host and port), which CORS does not restrict. */
    static boolean sameOrigin(HttpServerRequest request, String origin) {
        HostAndPort authority = request.authority();
        if (authority == null || request.scheme() == null) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(origin.strip());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String scheme = request.scheme().toLowerCase(Locale.ROOT);
        return uri.getScheme().toLowerCase(Locale.ROOT).equals(scheme)
                && uri.getHost().equalsIgnoreCase(authority.host())
                && port(uri.getPort(), scheme) == port(authority.port(), scheme);
    }

    private static int port(int port, String scheme) {
        if (port > 0) {
            return port;
        }
        return scheme.equals("https") ? 443 : 80;
    }
}
