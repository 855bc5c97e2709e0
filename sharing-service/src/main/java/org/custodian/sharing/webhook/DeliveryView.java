package org.custodian.sharing.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DeliveryView(
        UUID id,
        String schoolUrn,
        UUID recipientId,
        UUID endpointId,
        @Schema(nullable = true) String messageId,
        String eventType,
        Delivery.Status status,
        int attempts,
        @Schema(nullable = true) Integer responseCode,
        @Schema(nullable = true) Integer durationMs,
        @Schema(nullable = true) String lastError,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(nullable = true) Instant nextAttemptAt,
        @Schema(nullable = true) UUID replayOf,
        Instant createdAt,
        @Schema(nullable = true) List<Delivery.Attempt> attemptLog) {
    public static DeliveryView of(Delivery d, List<Delivery.Attempt> attempts) {
        return new DeliveryView(
                d.id(),
                d.schoolUrn(),
                d.recipientId(),
                d.endpointId(),
                d.messageId(),
                d.eventType(),
                d.status(),
                d.attempts(),
                d.lastStatusCode(),
                d.lastDurationMs(),
                d.lastError(),
                d.lastAttemptAt(),
                d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null,
                d.replayOf(),
                d.createdAt(),
                attempts);
    }
}
