package org.custodian.gateway.proxy;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;

/** A service behind the gateway, by name and base URL (scheme, host and port; no path). */
public record Upstream(String name, URI url) {

    public Upstream {
        String scheme = url.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme))
                || url.getHost() == null
                || !(url.getRawPath() == null
                        || url.getRawPath().isEmpty()
                        || url.getRawPath().equals("/"))
                || url.getRawQuery() != null) {
            throw new IllegalArgumentException(
                    "the URL of upstream " + name + " must be http(s)://host[:port], not " + url);
        }
    }

    public boolean ssl() {
        return "https".equals(url.getScheme());
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : ssl() ? 443 : 80;
    }

    RequestOptions request(HttpMethod method, String uri, Duration connectTimeout, Duration responseTimeout) {
        return new RequestOptions()
                .setMethod(method)
                .setURI(uri)
                .setHost(url.getHost())
                .setPort(port())
                .setSsl(ssl())
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(responseTimeout.toMillis());
    }
}
