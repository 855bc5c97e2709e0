package org.custodian.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the relay thread runs. A stopped broker does not make the service unhealthy: writes go on and their
 * events wait in the outbox; the check reports the backlog and the last error instead.
 */
@Liveness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxConfig config;

    @Inject
    public OutboxHealthCheck(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay")
                .status(!config.relayEnabled() || relay.isRunning())
                .withData("relayEnabled", config.relayEnabled())
                .withData("consecutiveFailures", relay.consecutiveFailures());
        try {
            response.withData("pending", relay.pending());
        } catch (RuntimeException e) {
            response.withData("pending", "unknown: database unreachable");
        }
        if (relay.lastError() != null) {
            response.withData("lastError", relay.lastError());
        }
        if (relay.lastPublishedAt() != null) {
            response.withData("lastPublishedAt", relay.lastPublishedAt().toString());
        }
        return response.build();
    }
}
