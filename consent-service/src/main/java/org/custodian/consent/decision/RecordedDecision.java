package org.custodian.consent.decision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One decision as the resolution rules see it. {@code validUntil} is set on grants of purposes that expire;
 * {@code method} says how it reached the school (a parent's biometric decision counts only in writing).
 */
public record RecordedDecision(
        String id,
        Giver giver,
        Decision decision,
        int purposeVersion,
        Instant recordedAt,
        LocalDate validUntil,
        Method method) {

    /** A decision made online (in writing). */
    public RecordedDecision(
            String id, Giver giver, Decision decision, int purposeVersion, Instant recordedAt, LocalDate validUntil) {
        this(id, giver, decision, purposeVersion, recordedAt, validUntil, Method.ONLINE);
    }
}
