package org.custodian.gateway.problems;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Problem responses for everything that goes wrong below the proxy: the security layer's 401 and 403, paths that
 * match no route, and any handler failure. Never a stack trace.
 */
@ApplicationScoped
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(ProblemResponses::onFailure);
        router.errorHandler(404, rc -> send(rc, 404, "there is no such resource"));
        router.errorHandler(405, rc -> send(rc, 405, "this resource does not support that method"));
    }

    public static void unauthorized(RoutingContext rc, String detail) {
        rc.response().putHeader("WWW-Authenticate", "Bearer");
        send(rc, 401, detail);
    }

    public static void send(RoutingContext rc, int status, String detail) {
        send(rc, Problems.forStatus(status, detail));
    }

    public static void send(RoutingContext rc, Problem problem) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(problem.toJson(rc.request().path()).encode());
    }

    static void onFailure(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (failure instanceof AuthenticationFailedException
                || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            unauthorized(rc, "a valid bearer token is required");
        } else if (failure instanceof ForbiddenException) {
            send(rc, 403, "your role does not allow this operation");
        } else if (failure == null && rc.statusCode() >= 400 && rc.statusCode() < 500) {
            send(rc, rc.statusCode(), null);
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(failure, "unexpected error %s on %s", reference, rc.normalizedPath());
            send(rc, 500, "unexpected error; reference " + reference);
        }
    }
}
