package org.custodian.sharing.webhook;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record EndpointView(
        UUID id,
        UUID recipientId,
        String url,
        Set<PartnerEventType> eventTypes,
        @Schema(nullable = true) String description,
        WebhookEndpoint.Status status,
        @Schema(nullable = true) String disabledReason,
        @Schema(nullable = true) WebhookEndpoint.DisabledBy disabledBy,
        @Schema(nullable = true) Instant failingSince,
        @Schema(nullable = true) Instant previousSecretExpiresAt,
        long version,
        Instant createdAt,
        @Schema(nullable = true) Instant updatedAt) {
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
