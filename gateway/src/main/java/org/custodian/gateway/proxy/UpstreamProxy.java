package org.custodian.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.gateway.GatewayConfig;
import org.custodian.gateway.problems.ProblemResponses;

/**
 * Forwards requests to the upstream services through Vert.x's reverse proxy, over one shared, pooled HTTP client.
 * A proxy is made per request (two small objects) so that its interceptor can carry that request's route.
 */
@ApplicationScoped
public class UpstreamProxy {

    /** What an upstream answered to a request of the gateway's own. */
    public record Answer(int status, Buffer body) {}

    private static final ProxyOptions NO_WEBSOCKETS = new ProxyOptions().setSupportWebSocket(false);

    private final HttpClient client;
    private final Map<String, Upstream> upstreams = new TreeMap<>();
    private final Duration connectTimeout;
    private final Duration responseTimeout;

    UpstreamProxy(Vertx vertx, GatewayConfig config) {
        config.upstreams().forEach((name, upstream) -> upstreams.put(name, new Upstream(name, upstream.url())));
        this.connectTimeout = config.timeouts().connect();
        this.responseTimeout = config.timeouts().response();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setMaxPoolSize(100)
                .setKeepAlive(true)
                .setDecompressionSupported(false));
    }

    public Map<String, Upstream> upstreams() {
        return Collections.unmodifiableMap(upstreams);
    }

    /**
     * Sends the request to {@code upstream} with {@code uri} (path and query) and streams back its answer. A body over
     * {@code bodyLimit} is refused with 413: up front when its length is declared, as it streams when it is chunked.
     */
    public void forward(RoutingContext rc, String upstream, String uri, long bodyLimit, String requestId) {
        send(rc, upstream, uri, bodyLimit, requestId, false);
    }

    /**
     * As {@link #forward}, for a public route: no body, and the caller's credentials ({@code Authorization},
     * {@code Cookie}) stay here.
     */
    public void forwardAnonymously(RoutingContext rc, String upstream, String uri, String requestId) {
        send(rc, upstream, uri, 0, requestId, true);
    }

    private void send(
            RoutingContext rc, String upstream, String uri, long bodyLimit, String requestId, boolean anonymous) {
        long declared = declaredLength(rc);
        if (declared > bodyLimit) {
            if (!BodyLimits.worthDraining(declared, bodyLimit)) {
                rc.response()
                        .putHeader("Connection", "close")
                        .endHandler(ended -> rc.request().connection().close());
            }
            ProblemResponses.send(rc, 413, BodyLimits.detail(bodyLimit));
            return;
        }
        Upstream target = upstreams.get(upstream);
        HttpProxy.reverseProxy(NO_WEBSOCKETS, client)
                .origin(context -> client.request(
                                target.request(context.request().getMethod(), uri, connectTimeout, responseTimeout))
                        // a failure also fails the response, which the interceptor answers; no need to log it twice
                        .map(request -> request.exceptionHandler(failure -> {})))
                .addInterceptor(new ForwardingInterceptor(upstream, uri, bodyLimit, requestId, anonymous))
                .handle(rc.request());
    }

    private static long declaredLength(RoutingContext rc) {
        String header = rc.request().getHeader("Content-Length");
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A GET of the gateway's own, such as a readiness probe; fails when the upstream cannot be reached. */
    public Future<Answer> get(String upstream, String uri, Duration timeout) {
        Upstream target = upstreams.get(upstream);
        return client.request(target.request(HttpMethod.GET, uri, connectTimeout, timeout))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
