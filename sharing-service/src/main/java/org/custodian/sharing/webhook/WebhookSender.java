package org.custodian.sharing.webhook;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.custodian.sharing.SharingConfig;

/**
 * Sends one signed webhook with Vert.x's HTTP client, connected to the address {@link UrlGuard} checked (the host name
 * still goes in {@code Host} and SNI, and the certificate is verified against it). Redirects are never followed,
 * connect and read timeouts are set, and at most {@code max-response-bytes} of the response body are read.
 */
@ApplicationScoped
public class WebhookSender {

    /** What came back: a status code, or an error when no response arrived. */
    public record Response(int statusCode, String retryAfter, String body, String error, long durationMs) {
        public boolean received() {
            return statusCode > 0;
        }
    }

    private final WebhookConfig config;
    private final HttpClient client;

    @Inject
    public WebhookSender(Vertx vertx, SharingConfig sharing) {
        this.config = sharing.webhooks();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.readTimeout().toSeconds())
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxRedirects(0)
                .setMaxPoolSize(16));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Sends and waits; never throws for a network failure (it becomes the response's error). */
    public Response send(UrlGuard.Destination destination, Map<String, String> headers, String body) {
        WebhookUrls.Target target = destination.target();
        String ip = destination.address().getHostAddress();
        if (destination.address() instanceof Inet6Address && ip.contains("%")) {
            ip = ip.substring(0, ip.indexOf('%'));
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), ip))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.requestUri())
                .setFollowRedirects(false)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.readTimeout().toMillis());
        headers.forEach(options::addHeader);
        options.putHeader("content-type", "application/json");
        options.putHeader("user-agent", "Custodian-Webhooks/1.0");
        long started = System.nanoTime();
        Future<Response> exchange = client.request(options).compose(request -> {
            // read the response from inside its own completion, on the event loop: a listener added afterwards from
            // this worker thread can arrive after a short answer has already ended ("Response already ended")
            Future<Response> answer = request.response().compose(response -> readCapped(response, started));
            request.end(Buffer.buffer(body));
            return answer;
        });
        long limit = config.connectTimeout().toMillis() + config.readTimeout().toMillis() + 1000;
        try {
            return exchange.toCompletionStage().toCompletableFuture().get(limit, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Response(0, null, null, describe(cause), elapsed(started));
        } catch (TimeoutException e) {
            return new Response(0, null, null, "timed out after " + limit + " ms", elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, null, null, "interrupted", elapsed(started));
        }
    }

    private Future<Response> readCapped(HttpClientResponse response, long started) {
        int cap = config.maxResponseBytes();
        Promise<Response> done = Promise.promise();
        Buffer body = Buffer.buffer();
        int status = response.statusCode();
        String retryAfter = response.getHeader("Retry-After");
        response.handler(chunk -> {
            if (body.length() < cap) {
                body.appendBuffer(
                        chunk.length() > cap - body.length() ? chunk.getBuffer(0, cap - body.length()) : chunk);
            }
            if (body.length() >= cap && !done.future().isComplete()) {
                // enough read: stop the transfer rather than download whatever the receiver sends
                done.tryComplete(new Response(status, retryAfter, body.toString(), null, elapsed(started)));
                response.request().connection().close();
            }
        });
        response.endHandler(
                v -> done.tryComplete(new Response(status, retryAfter, body.toString(), null, elapsed(started))));
        response.exceptionHandler(
                e -> done.tryComplete(new Response(status, retryAfter, body.toString(), null, elapsed(started))));
        return done.future();
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
