package org.custodian.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.custodian.gateway.problems.Problem;
import org.custodian.gateway.problems.Problems;
import org.jboss.logging.Logger;

/**
 * One request's way through the proxy: its URI and headers for the upstream, its body counted against the limit,
 * the upstream's headers cleaned on the way back, and a problem response when the upstream cannot be reached or
 * does not answer in time.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    private final String upstream;
    private final String uri;
    private final long bodyLimit;
    private final String requestId;
    private final boolean anonymous;
    private LimitedBody limitedBody;

    /** @param anonymous whether the caller's credentials stay here (a public route) */
    ForwardingInterceptor(String upstream, String uri, long bodyLimit, String requestId, boolean anonymous) {
        this.upstream = upstream;
        this.uri = uri;
        this.bodyLimit = bodyLimit;
        this.requestId = requestId;
        this.anonymous = anonymous;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        request.setURI(uri);
        Headers.forRequest(request.headers(), request.proxiedRequest(), requestId);
        if (anonymous) {
            Headers.dropCredentials(request.headers());
        }
        if (request.getBody() != null && request.getBody().length() < 0) {
            limitedBody = new LimitedBody(request.proxiedRequest(), bodyLimit);
            request.setBody(Body.body(limitedBody));
        }
        return context.sendRequest().recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Headers.forResponse(context.response().headers());
        return context.sendResponse();
    }

    private ProxyResponse problem(ProxyContext context, Throwable failure) {
        Problem problem;
        if (limitedBody != null && limitedBody.exceeded()) {
            problem = Problems.forStatus(413, BodyLimits.detail(limitedBody.limit()));
        } else {
            int status = UpstreamFailures.status(failure);
            LOG.warnf("request %s to %s failed: %s", requestId, upstream, failure.toString());
            problem = Problems.forStatus(status, UpstreamFailures.detail(upstream, status));
        }
        String instance = context.request().proxiedRequest().path();
        ProxyResponse response = context.request()
                .release()
                .response()
                .setStatusCode(problem.status())
                .setBody(Body.body(Buffer.buffer(problem.toJson(instance).encode())));
        response.headers().set("Content-Type", Problem.MEDIA_TYPE);
        return response;
    }
}
