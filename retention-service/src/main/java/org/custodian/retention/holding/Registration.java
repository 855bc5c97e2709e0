package org.custodian.retention.holding;

import java.time.LocalDate;

/** One record a system says it holds, as registered. */
public record Registration(
        String recordClass,
        String pupilId,
        String system,
        String reference,
        String purpose,
        LocalDate createdOn,
        LocalDate closedOn) {

    /** Whether a holding already registered from the same source says the same. */
    public boolean sameAs(Holding holding) {
        return recordClass.equals(holding.classCode())
                && java.util.Objects.equals(pupilId, holding.pupilId())
                && java.util.Objects.equals(purpose, holding.purpose())
                && createdOn.equals(holding.createdOn())
                && java.util.Objects.equals(closedOn, holding.closedOn());
    }
}
