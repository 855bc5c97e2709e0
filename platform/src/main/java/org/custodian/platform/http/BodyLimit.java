package org.custodian.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.custodian.platform.problems.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Refuses a declared body larger than {@code quarkus.http.limits.max-body-size} with a 413 problem before anything
 * reads it (Quarkus's own check would answer with an empty body). Bodies sent without a length are counted by
 * Quarkus and fail into {@link RouteProblems}.
 */
@ApplicationScoped
public class BodyLimit {

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
                rc.response().putHeader("Connection", "close");
                rc.response().endHandler(done -> rc.request().connection().close());
                RouteProblems.send(rc, Problems.payloadTooLarge("the request body is " + length
                        + " bytes; this service accepts at most " + limit).problem());
                return;
            }
        }
        rc.next();
    }
}
