package org.custodian.sharing.webhook;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message on its way to one endpoint, with the state of its attempts. */
public record Delivery(
        UUID id,
        String schoolUrn,
        UUID endpointId,
        UUID recipientId,
        String messageId,
        String eventType,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastStatusCode,
        Integer lastDurationMs,
        String lastError,
        UUID replayOf,
        Instant createdAt) {

    @Schema(name = "DeliveryStatus")
    public enum Status {
        PENDING,
        SUCCEEDED,
        FAILED
    }

    /** One HTTP attempt. */
    public record Attempt(
            int attempt,
            Instant startedAt,
            @Schema(nullable = true) int durationMs,
            @Schema(nullable = true) Integer statusCode,
            String outcome,
            @Schema(nullable = true) String error) {}
}
