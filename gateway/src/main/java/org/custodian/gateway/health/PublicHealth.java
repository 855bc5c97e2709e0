package org.custodian.gateway.health;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Supplier;

/**
 * Health on the public port: {@code /q/health}, {@code /live}, {@code /ready} and {@code /started} answer
 * {@code {"status":"UP"}} (200) or {@code {"status":"DOWN"}} (503) and nothing else, for probes and balancers. The
 * checks, with what each found, are SmallRye's own endpoints on the management interface
 * ({@code quarkus.management.*}, bound to 127.0.0.1), for operators.
 */
@ApplicationScoped
public class PublicHealth {

    private final SmallRyeHealthReporter reporter;

    PublicHealth(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    void register(@Observes Router router) {
        router.get("/q/health").handler(rc -> answer(rc, reporter::getHealthAsync));
        router.get("/q/health/live").handler(rc -> answer(rc, reporter::getLivenessAsync));
        router.get("/q/health/ready").handler(rc -> answer(rc, reporter::getReadinessAsync));
        router.get("/q/health/started").handler(rc -> answer(rc, reporter::getStartupAsync));
    }

    private static void answer(RoutingContext rc, Supplier<Uni<SmallRyeHealth>> health) {
        health.get()
                .subscribe()
                .with(
                        result -> {
                            boolean up = !result.isDown();
                            rc.response()
                                    .setStatusCode(up ? 200 : 503)
                                    .putHeader("Content-Type", "application/json")
                                    .putHeader("Cache-Control", "no-store")
                                    .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
                        },
                        rc::fail);
    }
}
