package org.custodian.retention.disposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A proposal to dispose of the due, unheld records of a school, and what became of it. */
public record DisposalBatch(
        UUID id,
        String schoolUrn,
        Status status,
        LocalDate dueOnOrBefore,
        int itemCount,
        String proposedBy,
        Instant proposedAt,
        String approvedBy,
        Instant approvedAt,
        String approvalNote,
        Instant completedAt) {

    public enum Status {
        /** Awaiting the DPO's review. */
        PROPOSED,
        /** Approved; waiting for the owning systems to confirm disposal. */
        APPROVED,
        /** Every approved record has been confirmed disposed of (or none was approved). */
        COMPLETED
    }
}
