package org.custodian.sharing.recipient;

import java.time.Instant;
import java.util.UUID;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.recipient.Recipient.Kind;
import org.custodian.sharing.recipient.Recipient.Status;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RecipientView(
        UUID id,
        String name,
        Kind kind,
        Sector sector,
        @Schema(nullable = true) String country,
        @Schema(nullable = true) String contact,
        @Schema(nullable = true) String contractReference,
        @Schema(nullable = true) String description,
        Status status,
        boolean seeded,
        @Schema(nullable = true) String partnerId,
        long version,
        Instant createdAt,
        @Schema(nullable = true) Instant updatedAt) {
    public static RecipientView of(Recipient r) {
        return new RecipientView(
                r.id(),
                r.name(),
                r.kind(),
                r.sector(),
                r.country(),
                r.contact(),
                r.contractReference(),
                r.description(),
                r.status(),
                r.seeded(),
                r.partnerId(),
                r.version(),
                r.createdAt(),
                r.updatedAt());
    }
}
