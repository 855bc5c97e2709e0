package org.custodian.sharing.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record DeliveryView(
        UUID id,
        String schoolUrn,
        UUID recipientId,
        UUID endpointId,
        String messageId,
        String eventType,
        Delivery.Status status,
        int attempts,
        Integer responseCode,
        Integer durationMs,
        String lastError,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        UUID replayOf,
        Instant createdAt,
        List<Delivery.Attempt> attemptLog) {
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
