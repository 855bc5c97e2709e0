package org.custodian.sharing.webhook;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Checks a webhook URL before anything is resolved or sent: absolute {@code https} (plain {@code http} only when the
 * demo/test flag allows private addresses), a host, no user info or fragment, a sane port, and no ambiguous numeric
 * host or local name, and (in production) port 443 or 8443. Then checks each address the host resolves to.
 */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2048;
    /** The only ports a webhook may use in production (the demo/test flag allows any). */
    public static final List<Integer> HTTPS_PORTS = List.of(443, 8443);

    private static final List<String> LOCAL_NAMES =
            List.of("localhost", "localhost.localdomain", "metadata.google.internal", "metadata", "instance-data");

    /** A URL that passed the syntax checks. {@code literal} is set when the host is an IP address. */
    public record Target(URI uri, String host, int port, boolean https, InetAddress literal) {
        /** Path and query, as the request line sends them. */
        public String requestUri() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    private WebhookUrls() {}

    /** @throws IllegalArgumentException with a message fit for the caller */
    public static Target parse(String url, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a URL is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a URL is at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new IllegalArgumentException(
                    allowPrivate ? "the URL must be http or https" : "the URL must be https");
        }
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("the URL must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the URL must not carry user info");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the URL must not have a fragment");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the URL must name a valid host");
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the port must be from 1 to 65535");
        }
        if (!allowPrivate && !HTTPS_PORTS.contains(port)) {
            // issue 16, finding 14: no webhook to an arbitrary service port of a public host
            throw new IllegalArgumentException("the port must be 443 or 8443");
        }
        InetAddress literal = AddressPolicy.literal(host);
        if (literal == null) {
            String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            try {
                name = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a valid host name: " + host);
            }
            if (!name.contains(".") && !allowPrivate) {
                throw new IllegalArgumentException("a webhook host must be a fully qualified domain name");
            }
            if (!allowPrivate
                    && (LOCAL_NAMES.contains(name)
                            || name.endsWith(".localhost")
                            || name.endsWith(".local")
                            || name.endsWith(".internal"))) {
                throw new IllegalArgumentException("the host " + name + " is a local name");
            }
            host = name;
        }
        return new Target(uri, host, port, scheme.equals("https"), literal);
    }

    /**
     * Checks every address a host resolves to; all must be allowed (a name that also resolves to a private address
     * could be steered there).
     *
     * @return the address to connect to
     */
    public static InetAddress choose(Target target, List<InetAddress> resolved, boolean allowPrivate) {
        if (resolved.isEmpty()) {
            throw new IllegalArgumentException("the host " + target.host() + " does not resolve");
        }
        for (InetAddress address : resolved) {
            if (!AddressPolicy.allowed(address, allowPrivate)) {
                throw new IllegalArgumentException("the host " + target.host() + " resolves to a "
                        + AddressPolicy.classify(address)
                                .name()
                                .toLowerCase(Locale.ROOT)
                                .replace('_', '-')
                        + " address (" + address.getHostAddress() + "), which webhooks may not reach");
            }
        }
        return resolved.get(0);
    }
}
