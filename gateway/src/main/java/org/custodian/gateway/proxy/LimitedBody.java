package org.custodian.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * A request body of unknown length (chunked), counted as it streams to the upstream. Past the limit it fails, which
 * makes the proxy reset the upstream request, and drops whatever else the client sends.
 */
final class LimitedBody implements ReadStream<Buffer> {

    private final HttpServerRequest request;
    private final long limit;
    private long seen;
    private boolean exceeded;
    private boolean counting;
    private Handler<Buffer> handler;
    private Handler<Throwable> exceptionHandler;

    LimitedBody(HttpServerRequest request, long limit) {
        this.request = request;
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    long limit() {
        return limit;
    }

    private void onData(Buffer data) {
        seen += data.length();
        if (!exceeded && seen > limit) {
            exceeded = true;
            if (exceptionHandler != null) {
                exceptionHandler.handle(new IllegalStateException(BodyLimits.detail(limit)));
            }
        }
        if (exceeded) {
            if (!BodyLimits.worthDraining(seen, limit)) {
                request.connection().close();
            }
        } else if (handler != null) {
            handler.handle(data);
        }
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        if (!counting) {
            counting = true;
            request.handler(this::onData);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        request.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        request.endHandler(endHandler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        request.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        request.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        request.fetch(amount);
        return this;
    }
}
