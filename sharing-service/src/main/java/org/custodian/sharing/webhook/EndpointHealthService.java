package org.custodian.sharing.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.outbox.Outbox;
import org.custodian.sharing.SharingConfig;

/**
 * What deliveries tell of an endpoint, in the transaction that records the attempt: a success ends its failing streak,
 * a failure starts one, and an endpoint failing for {@code dead-after} or answering {@code 410 Gone} is disabled (and
 * for the first, {@code webhook.dead} is emitted for the DPO). The streak is bookkeeping and leaves the endpoint's ETag
 * alone; disabling is a change of the endpoint and moves it on.
 */
@ApplicationScoped
@Transactional
public class EndpointHealthService {

    private final WebhookEndpointRepository endpoints;
    private final WebhookConfig config;
    private final AuditLog audit;
    private final Outbox outbox;
    private final EventSource eventSource;

    EndpointHealthService(
            WebhookEndpointRepository endpoints,
            SharingConfig sharing,
            AuditLog audit,
            Outbox outbox,
            EventSource eventSource) {
        this.endpoints = endpoints;
        this.config = sharing.webhooks();
        this.audit = audit;
        this.outbox = outbox;
        this.eventSource = eventSource;
    }

    public void succeeded(String urn, UUID endpointId) {
        endpoints.findFailingInSchoolForUpdate(urn, endpointId).ifPresent(WebhookEndpoint::succeeded);
    }

    public void failed(String urn, UUID endpointId, Instant at, int lastStatusCode) {
        endpoints.findInSchoolForUpdate(urn, endpointId).ifPresent(endpoint -> {
            Instant failingSince = endpoint.failed(at);
            if (Duration.between(failingSince, at).compareTo(config.deadAfter()) >= 0) {
                disable(
                        endpoint,
                        "failing since " + failingSince + " ("
                                + config.deadAfter().toDays() + " days)",
                        at,
                        failingSince,
                        lastStatusCode);
            }
        });
    }

    public void gone(String urn, UUID endpointId, Instant at) {
        endpoints
                .findInSchoolForUpdate(urn, endpointId)
                .ifPresent(endpoint -> disable(endpoint, "the receiver answered 410 Gone", at, null, 410));
    }

    private void disable(WebhookEndpoint endpoint, String reason, Instant at, Instant failingSince, int lastCode) {
        if (!endpoint.disable(reason, at)) {
            return;
        }
        audit.record(new AuditEntry(
                endpoint.schoolUrn(),
                at,
                "sharing-service",
                "system",
                "webhook-endpoints/" + endpoint.id(),
                "webhook-endpoint.disabled",
                AuditEntry.Outcome.SUCCESS,
                null,
                reason));
        if (failingSince != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("endpointId", endpoint.id().toString());
            data.put("recipientId", endpoint.recipientId().toString());
            data.put("failingSince", failingSince.toString());
            data.put("disabledAt", at.toString());
            data.put("lastStatusCode", lastCode > 0 ? lastCode : null);
            data.put("reason", reason);
            outbox.append(eventSource.aboutSchool(
                    EventTypes.WEBHOOK_DEAD, endpoint.schoolUrn(), CloudEventCodec.toData(data)));
        }
    }
}
