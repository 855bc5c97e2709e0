package org.custodian.retention.disposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The permanent proof of what a batch disposed of: for each record approved for disposal, its class, its owning
 * system's reference, its dates, who approved and who confirmed. It names no pupil: the certificate outlives the
 * records, and the reference is enough to tie it to the owning system's log.
 *
 * @param complete whether every approved record has been confirmed
 * @param notDisposed how many items of the batch were kept, excluded or no longer due, by outcome
 */
public record DestructionCertificate(
        String schoolUrn,
        UUID batchId,
        Instant issuedAt,
        boolean complete,
        Instant proposedAt,
        String approvedBy,
        Instant approvedAt,
        String approvalNote,
        Instant completedAt,
        List<CertifiedRecord> records,
        Map<String, Integer> notDisposed) {

    /**
     * One record approved for disposal.
     *
     * @param action    {@code DESTROY} or {@code TRANSFER}
     * @param status    {@code DESTROYED}, {@code TRANSFERRED} or {@code AWAITING_CONFIRMATION}
     * @param confirmedBy who the system says destroyed it; {@code confirmedByCaller} the token that confirmed it
     */
    public record CertifiedRecord(
            UUID holdingId,
            String recordClass,
            String classDescription,
            String system,
            String reference,
            LocalDate createdOn,
            LocalDate closedOn,
            LocalDate dueOn,
            String action,
            String nextSchoolUrn,
            String status,
            LocalDate disposedOn,
            String method,
            String confirmedBy,
            String confirmedByCaller,
            Instant confirmedAt) {}
}
