package org.custodian.consent.decision;

import java.time.Instant;
import java.time.LocalDate;

/** A decision row as stored: what was decided, by whom, how, and who recorded it. */
public record StoredDecision(
        String decisionId,
        String pupilId,
        String purpose,
        int purposeVersion,
        Decision decision,
        Giver giver,
        String relationship,
        Method method,
        String evidenceRef,
        LocalDate evidenceDate,
        LocalDate validUntil,
        Instant recordedAt,
        String recordedBy,
        String recordedByRole) {

    RecordedDecision asRecorded() {
        return new RecordedDecision(decisionId, giver, decision, purposeVersion, recordedAt, validUntil, method);
    }
}
