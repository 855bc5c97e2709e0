package org.custodian.sar.support;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.custodian.platform.http.BodyLimit;
import org.custodian.platform.problems.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * sar-service's HTTP body limit ({@code quarkus.http.limits.max-body-size}) is raised for document uploads only; every
 * other route keeps the suite's usual limit ({@code custodian.sar.max-body-size}, 1M). Runs before the kernel's
 * {@code BodyLimit} and answers a declared oversize body with a 413 problem before it is read.
 */
@ApplicationScoped
public class JsonBodyLimit {

    private static final Pattern UPLOAD = Pattern.compile("/api/v1/schools/[^/]+/requests/[^/]+/documents/?");

    private final long limit;

    public JsonBodyLimit(@ConfigProperty(name = "custodian.sar.max-body-size", defaultValue = "1M") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
    }

    void check(RoutingContext rc) {
        String declared = rc.request().getHeader("Content-Length");
        if (declared != null && !UPLOAD.matcher(rc.request().path()).matches()) {
            try {
                long length = Long.parseLong(declared.trim());
                if (length > limit) {
                    BodyLimit.refuse(
                            rc,
                            length,
                            Problems.payloadTooLarge(
                                            "the request body is " + length + " bytes; this operation accepts at most "
                                                    + limit + " (only document uploads may be larger)")
                                    .problem());
                    return;
                }
            } catch (NumberFormatException e) {
                // the kernel's BodyLimit answers a malformed Content-Length
            }
        }
        rc.next();
    }
}
