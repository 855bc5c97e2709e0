package org.custodian.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The header changes the gateway makes on the way to an upstream and on the way back. */
public final class Headers {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade");

    private Headers() {}

    /**
     * Removes the hop-by-hop headers (RFC 9110 §7.6.1): the standard ones, every {@code Proxy-*} header and any
     * header that {@code Connection} names.
     */
    public static void stripHopByHop(MultiMap headers) {
        List<String> doomed = new ArrayList<>();
        for (String connection : headers.getAll("connection")) {
            for (String token : connection.split(",")) {
                doomed.add(token.trim());
            }
        }
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || lower.startsWith("proxy-")) {
                doomed.add(name);
            }
        }
        doomed.forEach(headers::remove);
    }

    /**
     * Prepares the headers of a request for its upstream: no hop-by-hop headers, this request's id, and
     * {@code X-Forwarded-*} describing the caller as this server saw it. Forwarding headers the caller sent are
     * dropped, not trusted; behind a trusted load balancer let Quarkus apply them
     * ({@code quarkus.http.proxy.*}) so that they show in the request's remote address, scheme and authority.
     */
    public static void forRequest(MultiMap headers, HttpServerRequest from, String requestId) {
        stripHopByHop(headers);
        List<String> forwarding = headers.names().stream()
                .filter(name -> name.equalsIgnoreCase("forwarded")
                        || name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-"))
                .toList();
        forwarding.forEach(headers::remove);
        if (from.remoteAddress() != null) {
            headers.set("X-Forwarded-For", from.remoteAddress().hostAddress());
        }
        headers.set("X-Forwarded-Proto", from.scheme());
        if (from.authority() != null) {
            headers.set("X-Forwarded-Host", from.authority().toString());
        }
        headers.set(REQUEST_ID, requestId);
    }

    /** Removes what could identify the caller to an upstream that answers anyone: its token and its cookies. */
    public static void dropCredentials(MultiMap headers) {
        headers.remove("Authorization");
        headers.remove("Cookie");
    }

    /**
     * Prepares an upstream's response headers for the caller: no hop-by-hop headers, none that the gateway itself
     * owns (CORS, request id), which it has already set on the response, and a {@code Location} that is the public
     * path, never the upstream's own address (issue 16, finding 9; the services answer with the path already, this
     * is the second wall).
     */
    public static void forResponse(MultiMap headers) {
        stripHopByHop(headers);
        List<String> owned = headers.names().stream()
                .filter(name -> name.equalsIgnoreCase(REQUEST_ID)
                        || name.toLowerCase(Locale.ROOT).startsWith("access-control-"))
                .toList();
        owned.forEach(headers::remove);
        for (String name : List.of("Location", "Content-Location")) {
            List<String> values = headers.getAll(name);
            if (!values.isEmpty()) {
                headers.set(name, values.stream().map(Headers::publicPath).toList());
            }
        }
    }

    /**
     * The path and query of a URI reference, without scheme, host, port or fragment: the gateway serves the services'
     * paths unchanged, so the path is the public one. Anything that is not a URI reference becomes {@code /}.
     */
    static String publicPath(String location) {
        URI uri;
        try {
            uri = URI.create(location.trim());
        } catch (IllegalArgumentException unreadable) {
            return "/";
        }
        if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
            return location.trim();
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
