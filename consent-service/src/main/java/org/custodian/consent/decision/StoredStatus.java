package org.custodian.consent.decision;

import java.time.LocalDate;

/**
 * An effective status as stored for the hot path. Its {@code validUntil} is applied when read: a grant past it reads
 * as {@code EXPIRED} even before the recheck job has rewritten the row.
 */
public record StoredStatus(
        String pupilId, String purpose, ConsentStatus status, Integer effectiveVersion, LocalDate validUntil) {

    public ConsentStatus statusOn(LocalDate day) {
        if (status == ConsentStatus.GRANTED && validUntil != null && validUntil.isBefore(day)) {
            return ConsentStatus.EXPIRED;
        }
        return status;
    }
}
