package org.custodian.retention.disposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.retention.schedule.DisposalAction;

/** One record of a batch: what was proposed, decided and confirmed. The certificate is made of these. */
public record DisposalItem(
        UUID batchId,
        UUID holdingId,
        String classCode,
        String pupilId,
        String system,
        String reference,
        LocalDate createdOn,
        LocalDate closedOn,
        LocalDate dueOn,
        DisposalAction proposedAction,
        ApprovalPlan.Outcome decision,
        String decisionReason,
        LocalDate reviewOn,
        String nextSchoolUrn,
        LocalDate disposedOn,
        String method,
        String confirmedBy,
        String confirmedByCaller,
        Instant confirmedAt) {}
