package org.custodian.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Every {@code Location} a service answers with is the resource's public path ({@code /api/v1/…}, with its query),
 * never an absolute URI: JAX-RS makes {@code Response.created("/api/v1/…")} absolute against the address the request
 * reached, which behind the gateway is the service's internal one ({@code http://127.0.0.1:8081/…}; issue 16,
 * finding 9). The gateway serves the same paths, so the path is right for the caller wherever it stands.
 */
@Provider
public class Locations implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location != null) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION, publicPath(location.toString()));
        }
    }

    /**
     * The path (and query) of {@code location}, without scheme, host, port or fragment; {@code location} itself when
     * it cannot be read as a URI reference.
     */
    public static String publicPath(String location) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException unreadable) {
            return location;
        }
        if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** {@link #publicPath(String)} of a URI; null for null. */
    public static String publicPath(URI location) {
        return location == null ? null : publicPath(location.toString());
    }
}
