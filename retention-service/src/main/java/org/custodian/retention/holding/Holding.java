package org.custodian.retention.holding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.retention.due.Due;
import org.custodian.retention.due.HoldingFacts;
import org.custodian.retention.schedule.DisposalAction;

/** One record held by the MIS or another system, as the register knows it. */
public record Holding(
        UUID id,
        String schoolUrn,
        String classCode,
        String pupilId,
        String system,
        String reference,
        String purpose,
        LocalDate createdOn,
        LocalDate closedOn,
        HoldingStatus status,
        Due due,
        LocalDate reviewOn,
        UUID batchId,
        String approvedAction,
        LocalDate disposedOn,
        Instant registeredAt,
        Instant updatedAt) {

    public HoldingFacts facts() {
        return new HoldingFacts(pupilId, createdOn, closedOn, purpose, reviewOn);
    }

    public LocalDate dueOn() {
        return due.dueOn();
    }

    public DisposalAction dueAction() {
        return due.action();
    }
}
