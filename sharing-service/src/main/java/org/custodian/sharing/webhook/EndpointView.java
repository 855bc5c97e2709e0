package org.custodian.sharing.webhook;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

public record EndpointView(
        UUID id,
        UUID recipientId,
        String url,
        Set<PartnerEventType> eventTypes,
        String description,
        WebhookEndpoint.Status status,
        String disabledReason,
        WebhookEndpoint.DisabledBy disabledBy,
        Instant failingSince,
        Instant previousSecretExpiresAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {
    public static EndpointView of(WebhookEndpoint e) {
        return new EndpointView(
                e.id(),
                e.recipientId(),
                e.url(),
                new LinkedHashSet<>(e.eventTypes()),
                e.description(),
                e.status(),
                e.disabledReason(),
                e.disabledBy(),
                e.failingSince(),
                e.previousSecretExpiresAt(),
                e.version(),
                e.createdAt(),
                e.updatedAt());
    }
}
