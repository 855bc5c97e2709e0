package org.custodian.sharing.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A real HTTP server standing in for a partner: answers each path as told and records every request. */
public final class Receiver implements AutoCloseable {

    /** A request as the receiver saw it. */
    public record Received(String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Consumer<HttpServerRequest>> answers = new ConcurrentHashMap<>();

    public Receiver() {
        server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    Map<String, String> headers = new ConcurrentHashMap<>();
                    request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                    received.add(new Received(request.path(), headers, body.toString()));
                    answers.getOrDefault(
                                    request.path(),
                                    r -> r.response().setStatusCode(204).end())
                            .accept(request);
                }));
        try {
            server.listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("receiver did not start", e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Answers every request to {@code path} with {@code status} (and optional headers and body). */
    public Receiver answer(String path, int status, Map<String, String> headers, String body) {
        answers.put(path, request -> {
            headers.forEach(request.response()::putHeader);
            request.response().setStatusCode(status).end(body == null ? "" : body);
        });
        return this;
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        vertx.close();
    }
}
