package org.custodian.gateway.health;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.custodian.gateway.GatewayConfig;
import org.custodian.gateway.proxy.UpstreamProxy;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/** One readiness check per upstream ({@code upstream-<name>}): UP while its own {@code /q/health/ready} answers 200. */
@ApplicationScoped
public class UpstreamReadiness {

    void register(@Observes StartupEvent started, @Readiness HealthRegistry readiness, UpstreamProxy upstreams,
                  GatewayConfig config) {
        Duration timeout = config.timeouts().probe();
        upstreams.upstreams().forEach((name, upstream) ->
                readiness.register("upstream-" + name, (AsyncHealthCheck) () -> check(upstreams, name, upstream.url().toString(), timeout)));
    }

    private static Uni<HealthCheckResponse> check(UpstreamProxy upstreams, String name, String url, Duration timeout) {
        return Uni.createFrom().completionStage(() -> upstreams.get(name, "/q/health/ready", timeout).toCompletionStage())
                .map(answer -> HealthCheckResponse.named("upstream-" + name)
                        .status(answer.status() == 200)
                        .withData("url", url)
                        .withData("status", answer.status())
                        .build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("upstream-" + name)
                        .down()
                        .withData("url", url)
                        .withData("error", String.valueOf(failure.getMessage()))
                        .build());
    }
}
