package org.custodian.sharing.transfer;

import java.time.LocalDate;
import java.util.UUID;
import org.custodian.sharing.decision.StatutoryTransferRules;
import org.custodian.sharing.decision.StatutoryTransferRules.Destination;
import org.custodian.sharing.decision.TransferKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One statutory transfer after a pupil left, with its last day and whether it is overdue. */
@Schema(name = "DueTransfer")
public record DueTransferView(
        UUID id,
        String pupilId,

        @Schema(description = "COMMON_TRANSFER_FILE, EDUCATIONAL_RECORD (reg 9(3)) or SAFEGUARDING_FILE (KCSIE)")
        TransferKind kind,

        @Schema(description = "the sharing purpose a disclosure of this transfer names")
        String purpose,

        @Schema(
                description = "the day the pupil ceased to be registered; a transfer still due moves with a corrected"
                        + " leaving date")
        LocalDate leftOn,

        @Schema(
                nullable = true,
                description = "the last day: the statutory school days counted as working days, the earliest "
                        + "date the statutory limit can fall on (never later than it)")
        LocalDate dueOn,

        @Schema(description = "the time limit in days after leaving")
        int days,

        @Schema(
                nullable = true,
                description = "whether those are school days (reg 9(3)); otherwise calendar days (KCSIE)")
        boolean schoolDays,

        @Schema(
                nullable = true,
                description = "NEW_SCHOOL (the school the roster's pupil.left names), or LOCAL_AUTHORITY while the new"
                        + " school is unknown (the common transfer file and educational record, reg 9(3)); the"
                        + " safeguarding file always goes to the new school")
        Destination destination,

        @Schema(
                nullable = true,
                description = "the new school's URN: from the roster (a later pupil.left naming another school"
                        + " re-addresses a transfer still due), or as recorded when it was sent")
        String destinationUrn,

        DueTransferStatus status,

        @Schema(description = "not done and its last day has passed")
        boolean overdue,

        @Schema(description = "sent after its last day") boolean late,

        @Schema(description = "the safeguarding file: only where the school holds one; the DPO closes it as NOT_HELD")
        boolean onlyIfHeld,

        @Schema(description = "the safeguarding file: the new school's safeguarding lead must confirm receipt")
        boolean receiptRequired,

        @Schema(nullable = true) LocalDate sentOn,
        @Schema(nullable = true) String sentBy,
        @Schema(nullable = true) LocalDate receiptConfirmedOn,
        @Schema(nullable = true) String receiptConfirmedBy,
        @Schema(nullable = true) String note) {

    static DueTransferView of(DueTransferQueries.Row r, LocalDate today) {
        return new DueTransferView(
                r.id(),
                r.pupilId(),
                r.kind(),
                r.kind().purpose(),
                r.leftOn(),
                r.dueOn(),
                r.kind().days(),
                r.kind().schoolDays(),
                r.destination(),
                r.destinationUrn(),
                r.status(),
                StatutoryTransferRules.overdue(r.dueOn(), r.status().done(), today),
                r.sentOn() != null && r.sentOn().isAfter(r.dueOn()),
                r.kind().onlyIfHeld(),
                r.kind().needsReceipt(),
                r.sentOn(),
                r.sentBy(),
                r.receiptConfirmedOn(),
                r.receiptConfirmedBy(),
                r.note());
    }
}
