package org.custodian.platform.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One thing that happened: who (actor and role), for which school, about whom (subject, e.g. {@code pupils/P123}),
 * what (action), how it ended (outcome), when, and the request it came with.
 */
public record AuditEntry(
        String schoolUrn,
        Instant occurredAt,
        String actor,
        String actorRole,
        String subject,
        String action,
        Outcome outcome,
        String requestId,
        String detail) {

    public enum Outcome {
        SUCCESS,
        DENIED,
        FAILED
    }

    public AuditEntry {
        // the database keeps microseconds; hash what is stored
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }
}
