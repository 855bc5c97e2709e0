package org.custodian.platform.http;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.custodian.platform.problems.Problem;
import org.custodian.platform.problems.ProblemException;
import org.custodian.platform.problems.Problems;
import org.jboss.logging.Logger;

/**
 * Problem responses for errors raised below the REST layer: the security layer's 401 and 403, body limits,
 * unknown paths, and anything else a Vert.x route fails with.
 */
@ApplicationScoped
public class RouteProblems {

    private static final Logger LOG = Logger.getLogger(RouteProblems.class);

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(RouteProblems::onFailure);
    }

    static void onFailure(RoutingContext rc) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        Throwable failure = rc.failure();
        if (failure instanceof AuthenticationFailedException
                || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            send(rc, Problems.forStatus(401, "a valid bearer token is required"));
        } else if (failure instanceof ForbiddenException) {
            send(rc, Problems.forStatus(403, "your role does not allow this operation"));
        } else if (failure instanceof ProblemException problem) {
            problem.headers().forEach(rc.response()::putHeader);
            send(rc, problem.problem());
        } else if (failure == null && rc.statusCode() >= 400) {
            send(rc, Problems.forStatus(rc.statusCode(), defaultDetail(rc.statusCode())));
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(failure, "unexpected error %s on %s", reference, rc.normalizedPath());
            send(rc, Problems.forStatus(500, "unexpected error; reference " + reference));
        }
    }

    public static void send(RoutingContext rc, Problem problem) {
        rc.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem.withInstance(rc.request().path())));
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "there is no such resource";
            case 405 -> "this resource does not support that method";
            case 413 -> "the request body is larger than this operation accepts";
            default -> null;
        };
    }
}
