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

    /**
     * How it ended. {@code SUCCESS}: done; {@code DENIED}: refused by a quota or a service's own check before the
     * kernel audited refusals; {@code REFUSED}: an authenticated attempt the service answered with 403, 404, 409 or 422
     * ({@link RefusalAudit}); {@code FAILED}: tried and failed. The read side says {@link #result()} in one word.
     */
    public enum Outcome {
        SUCCESS,
        DENIED,
        FAILED,
        REFUSED;

        /** The outcome in the one vocabulary of the DPO's log: DONE, REFUSED or FAILED. */
        public String result() {
            return switch (this) {
                case SUCCESS -> "DONE";
                case DENIED, REFUSED -> "REFUSED";
                case FAILED -> "FAILED";
            };
        }
    }

    public AuditEntry {
        // the database keeps microseconds; hash what is stored
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }
}
