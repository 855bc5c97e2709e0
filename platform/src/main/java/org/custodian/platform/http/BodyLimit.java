package org.custodian.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.custodian.platform.problems.Problem;
import org.custodian.platform.problems.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body larger than {@code quarkus.http.limits.max-body-size} with a 413 problem before anything
 * reads it (Quarkus's own check would answer with an empty body). Bodies sent without a length are counted by
 * Quarkus and fail into {@link RouteProblems}.
 */
@ApplicationScoped
public class BodyLimit {

    /** The largest refused body read to its end before the answer (see {@link #refuse}). */
    private static final long DISCARDED_AT_MOST = 32L * 1024 * 1024;

    private final long limit;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.limit = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 900);
    }

    void check(RoutingContext rc) {
        String declared = rc.request().getHeader("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                RouteProblems.send(rc, Problems.forStatus(400, "Content-Length is not a number"));
                return;
            }
            if (length > limit) {
                refuse(
                        rc,
                        length,
                        Problems.payloadTooLarge("the request body is " + length
                                        + " bytes; this service accepts at most " + limit)
                                .problem());
                return;
            }
        }
        rc.next();
    }

    /**
     * Answers a request whose declared body is too large with {@code problem}, without its body reaching anything.
     * A client still sending when the connection closes sees it reset rather than the answer, so a body of up to
     * {@link #DISCARDED_AT_MOST} bytes is read and thrown away first; a larger one is answered at once and its
     * connection closed.
     */
    public static void refuse(RoutingContext rc, long declaredLength, Problem problem) {
        HttpServerRequest request = rc.request();
        if (declaredLength <= DISCARDED_AT_MOST && !request.isEnded()) {
            request.handler(discarded -> {});
            request.exceptionHandler(failed -> request.connection().close());
            request.endHandler(ended -> RouteProblems.send(rc, problem));
            request.resume();
            return;
        }
        rc.response().putHeader("Connection", "close");
        rc.response().endHandler(done -> request.connection().close());
        RouteProblems.send(rc, problem);
    }
}
