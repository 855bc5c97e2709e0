package org.custodian.sharing.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A partner's URL for one recipient, the event types it wants, and its (encrypted) signing secrets. */
public record WebhookEndpoint(
        UUID id,
        String schoolUrn,
        UUID recipientId,
        String url,
        List<PartnerEventType> eventTypes,
        String description,
        Status status,
        String disabledReason,
        String secretSealed,
        String previousSecretSealed,
        Instant previousSecretExpiresAt,
        Instant failingSince,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        ENABLED,
        DISABLED
    }

    /** What a sealed secret of this endpoint is bound to. */
    public static String binding(String schoolUrn, UUID id) {
        return "webhook-endpoint:" + schoolUrn + ":" + id;
    }

    public String binding() {
        return binding(schoolUrn, id);
    }
}
