package org.custodian.retention.disposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(nullable = true) Instant proposedAt,
        @Schema(nullable = true) String approvedBy,
        @Schema(nullable = true) Instant approvedAt,
        @Schema(nullable = true) String approvalNote,
        @Schema(nullable = true) Instant completedAt,
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
            @Schema(nullable = true) String classDescription,
            @Schema(nullable = true) String system,
            @Schema(nullable = true) String reference,
            @Schema(nullable = true) LocalDate createdOn,
            @Schema(nullable = true) LocalDate closedOn,
            @Schema(nullable = true) LocalDate dueOn,
            String action,
            @Schema(nullable = true) String nextSchoolUrn,
            String status,
            @Schema(nullable = true) LocalDate disposedOn,
            @Schema(nullable = true) String method,
            @Schema(nullable = true) String confirmedBy,
            @Schema(nullable = true) String confirmedByCaller,
            @Schema(nullable = true) Instant confirmedAt) {}
}
