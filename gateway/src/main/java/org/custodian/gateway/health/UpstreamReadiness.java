package org.custodian.gateway.health;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.gateway.GatewayConfig;
import org.custodian.gateway.proxy.UpstreamProxy;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per upstream ({@code upstream-<name>}): UP while its own {@code /q/health/ready} answers 200.
 * The upstreams are probed in the background every {@code custodian.gateway.health.probe-interval}, and a readiness
 * request reads the last result: asking for health never makes the gateway call the services.
 */
@ApplicationScoped
public class UpstreamReadiness {

    private final Map<String, HealthCheckResponse> last = new ConcurrentHashMap<>();

    void register(
            @Observes StartupEvent started,
            @Readiness HealthRegistry readiness,
            UpstreamProxy upstreams,
            GatewayConfig config,
            Vertx vertx) {
        Duration timeout = config.timeouts().probe();
        upstreams.upstreams().forEach((name, upstream) -> {
            last.put(
                    name,
                    HealthCheckResponse.named("upstream-" + name)
                            .down()
                            .withData("error", "not probed yet")
                            .build());
            readiness.register("upstream-" + name, (HealthCheck) () -> last.get(name));
        });
        Runnable probeAll = () -> upstreams
                .upstreams()
                .forEach((name, upstream) ->
                        probe(upstreams, name, upstream.url().toString(), timeout));
        probeAll.run();
        vertx.setPeriodic(config.health().probeInterval().toMillis(), timer -> probeAll.run());
    }

    private void probe(UpstreamProxy upstreams, String name, String url, Duration timeout) {
        upstreams
                .get(name, "/q/health/ready", timeout)
                .onComplete(answer -> last.put(
                        name,
                        answer.succeeded()
                                ? HealthCheckResponse.named("upstream-" + name)
                                        .status(answer.result().status() == 200)
                                        .withData("url", url)
                                        .withData("status", answer.result().status())
                                        .withData("checkedAt", Instant.now().toString())
                                        .build()
                                : HealthCheckResponse.named("upstream-" + name)
                                        .down()
                                        .withData("url", url)
                                        .withData(
                                                "error",
                                                String.valueOf(answer.cause().getMessage()))
                                        .withData("checkedAt", Instant.now().toString())
                                        .build()));
    }
}
