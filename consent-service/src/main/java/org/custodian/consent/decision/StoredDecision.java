package org.custodian.consent.decision;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision row as stored: what was decided, by whom, how, and who recorded it. */
public record StoredDecision(
        String decisionId,
        String pupilId,
        String purpose,
        int purposeVersion,
        Decision decision,
        Giver giver,
        @Schema(nullable = true) String relationship,
        @Schema(nullable = true) Method method,
        @Schema(nullable = true) String evidenceRef,
        @Schema(nullable = true) LocalDate evidenceDate,
        @Schema(nullable = true) LocalDate validUntil,
        Instant recordedAt,
        String recordedBy,
        @Schema(nullable = true) String recordedByRole) {

    RecordedDecision asRecorded() {
        return new RecordedDecision(decisionId, giver, decision, purposeVersion, recordedAt, validUntil, method);
    }
}
