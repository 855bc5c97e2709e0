package org.custodian.sharing.recipient;

import java.time.Instant;
import java.util.UUID;
import org.custodian.sharing.decision.RecipientTerms;
import org.custodian.sharing.decision.Sector;

/**
 * An organisation the school may share pupil data with: its data protection role ({@code kind}) and what sort of
 * organisation it is ({@code sector}, which decides whether an emergency disclosure may go to it).
 */
public record Recipient(
        UUID id,
        String schoolUrn,
        String name,
        Kind kind,
        Sector sector,
        String country,
        String contact,
        String contractReference,
        String description,
        Status status,
        boolean seeded,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public enum Kind {
        STATUTORY_BODY,
        PROCESSOR,
        CONTROLLER,
        FAMILY,
        OTHER
    }

    public enum Status {
        ACTIVE,
        SUSPENDED
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** As the decision engine reads it. */
    public RecipientTerms terms() {
        return new RecipientTerms(id, active(), country, sector);
    }
}
