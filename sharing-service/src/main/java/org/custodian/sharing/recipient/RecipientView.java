package org.custodian.sharing.recipient;

import java.time.Instant;
import java.util.UUID;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.recipient.Recipient.Kind;
import org.custodian.sharing.recipient.Recipient.Status;

public record RecipientView(
        UUID id,
        String name,
        Kind kind,
        Sector sector,
        String country,
        String contact,
        String contractReference,
        String description,
        Status status,
        boolean seeded,
        String partnerId,
        long version,
        Instant createdAt,
        Instant updatedAt) {
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
