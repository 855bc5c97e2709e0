package org.custodian.sharing.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.http.Params;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Visibility;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.decision.StatutoryTransferRules;
import org.custodian.sharing.decision.StatutoryTransferRules.Destination;
import org.custodian.sharing.decision.TransferKind;
import org.custodian.sharing.school.SchoolScope;

/**
 * The statutory transfers due after a pupil leaves: opened, re-dated and re-addressed from the roster's {@code
 * pupil.left} (in the consumer's transaction, only when the roster applied it), listed with their last day, and
 * recorded as sent, received (the safeguarding file) or not held.
 */
@ApplicationScoped
@Transactional
public class DueTransferService {

    private final SchoolScope school;
    private final DueTransferQueries transfers;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;

    DueTransferService(SchoolScope school, DueTransferQueries transfers, AuditLog audit, Caller caller, Clock clock) {
        this.school = school;
        this.transfers = transfers;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * What the roster's {@code pupil.left} means for the pupil's transfers, once the roster applied it (a stale event
     * changes nothing): the pupil ceased to be registered on {@code leftOn}, left for the school {@code destinationUrn}
     * (null: the roster does not know it), and the roster held {@code previousLeftOn} before (null: no leaving date).
     *
     * <ul>
     *   <li>When the leaving date moved, the transfers still due for the previous date move with it, to their new last
     *       day; those already sent, received or not held stay as they were, and are not opened again.
     *   <li>Otherwise each kind not yet open for {@code leftOn} is opened.
     *   <li>The transfers still due go where the roster now says: the new school when it is named, otherwise the
     *       local authority for the common transfer file and educational record.
     * </ul>
     *
     * Each of the three is audited ({@code due-transfer.opened}, {@code .redated}, {@code .readdressed}).
     */
    public void pupilLeft(
            String urn, String pupilId, LocalDate leftOn, LocalDate previousLeftOn, String destinationUrn) {
        Instant now = clock.instant();
        boolean moved = previousLeftOn != null && !previousLeftOn.equals(leftOn);
        List<String> opened = new ArrayList<>();
        List<String> redated = new ArrayList<>();
        List<String> readdressed = new ArrayList<>();
        for (StatutoryTransferRules.Due due : StatutoryTransferRules.onLeaving(leftOn, destinationUrn)) {
            TransferKind kind = due.kind();
            if (moved && transfers.redate(urn, pupilId, kind, previousLeftOn, leftOn, due.dueOn())) {
                redated.add(kind + " due by " + due.dueOn());
            }
            boolean doneForThisLeaving = moved && transfers.exists(urn, pupilId, kind, previousLeftOn);
            if (!doneForThisLeaving
                    && transfers.open(
                            urn, pupilId, kind, leftOn, due.dueOn(), due.destination(), destinationUrn, now)) {
                opened.add(kind + " due by " + due.dueOn() + " to " + to(due.destination(), destinationUrn));
            }
            if (transfers.readdress(urn, pupilId, kind, leftOn, due.destination(), destinationUrn)) {
                readdressed.add(kind + " to " + to(due.destination(), destinationUrn));
            }
        }
        audit(urn, pupilId, now, "due-transfer.opened", opened, "left on " + leftOn + ": ");
        audit(
                urn,
                pupilId,
                now,
                "due-transfer.redated",
                redated,
                "leaving date " + previousLeftOn + " -> " + leftOn + ": ");
        audit(urn, pupilId, now, "due-transfer.readdressed", readdressed, "");
    }

    private static String to(Destination destination, String destinationUrn) {
        return destination == Destination.NEW_SCHOOL && destinationUrn != null
                ? "NEW_SCHOOL " + destinationUrn
                : destination.name();
    }

    private void audit(String urn, String pupilId, Instant now, String action, List<String> what, String prefix) {
        if (!what.isEmpty()) {
            audit.record(new AuditEntry(
                    urn,
                    now,
                    "sharing-service",
                    "system",
                    "pupils/" + pupilId,
                    action,
                    AuditEntry.Outcome.SUCCESS,
                    null,
                    prefix + String.join("; ", what)));
        }
    }

    public List<DueTransferView> list(String urn, String pupilId, String status) {
        school.open(urn);
        String pupil = pupilId == null ? null : Params.personId("pupilId", pupilId);
        DueTransferStatus wanted = status == null ? null : Params.enumValue("status", status, DueTransferStatus.class);
        LocalDate today = LegalTime.today(clock);
        List<DueTransferView> views = transfers.list(urn, pupil, wanted).stream()
                .map(r -> DueTransferView.of(r, today))
                .toList();
        audit.record(
                caller,
                urn,
                "due-transfers",
                "due-transfer.listed",
                AuditEntry.Outcome.SUCCESS,
                views.size() + " due transfers read" + (pupil == null ? "" : " for pupil " + pupil));
        return views;
    }

    /** Records a transfer as sent; sending it again is a 409. */
    public DueTransferView sent(String urn, UUID id, SentRequest request) {
        school.open(urn);
        DueTransferQueries.Row row = find(urn, id);
        LocalDate today = LegalTime.today(clock);
        notInFuture("sentOn", request.sentOn(), today);
        if (request.sentOn().isBefore(row.leftOn())) {
            throw Problems.invalid(
                    "sentOn", "a transfer after leaving is not sent before the pupil left (" + row.leftOn() + ")");
        }
        if (row.status() != DueTransferStatus.DUE) {
            throw Problems.conflict("this transfer is already " + row.status() + "; it is recorded once");
        }
        Destination destination = request.destination() != null ? request.destination() : row.destination();
        if (!row.kind().sectors().contains(Sector.LOCAL_AUTHORITY) && destination == Destination.LOCAL_AUTHORITY) {
            throw Problems.invalid("destination", "the safeguarding file goes to the new school's safeguarding lead");
        }
        // the new school the roster named, unless the school says it went elsewhere
        String destinationUrn = request.destinationUrn() != null || destination != Destination.NEW_SCHOOL
                ? request.destinationUrn()
                : row.destinationUrn();
        if (destination == Destination.NEW_SCHOOL && destinationUrn == null) {
            throw Problems.invalid("destinationUrn", "name the new school (its URN) the transfer went to");
        }
        String note = Params.blankToNull(request.note());
        transfers.sent(urn, id, request.sentOn(), caller.subject(), destination, destinationUrn, note);
        DueTransferQueries.Row after = find(urn, id);
        boolean late = request.sentOn().isAfter(row.dueOn());
        audit.record(
                caller,
                urn,
                "pupils/" + row.pupilId(),
                "due-transfer.sent",
                AuditEntry.Outcome.SUCCESS,
                row.kind() + " sent on " + request.sentOn() + " to " + destination
                        + (destinationUrn == null ? "" : " " + destinationUrn)
                        + (late ? " (after its last day, " + row.dueOn() + ")" : ""));
        return DueTransferView.of(after, today);
    }

    /** The new school's safeguarding lead confirmed receipt of the safeguarding file (KCSIE). */
    public DueTransferView receipt(String urn, UUID id, ReceiptRequest request) {
        school.open(urn);
        DueTransferQueries.Row row = find(urn, id);
        LocalDate today = LegalTime.today(clock);
        notInFuture("confirmedOn", request.confirmedOn(), today);
        if (!row.kind().needsReceipt()) {
            throw Problems.unprocessable("only the safeguarding file's receipt is confirmed; this is " + row.kind());
        }
        if (row.status() != DueTransferStatus.SENT) {
            throw Problems.conflict(
                    "receipt is confirmed once, after the file was sent; this transfer is " + row.status());
        }
        if (request.confirmedOn().isBefore(row.sentOn())) {
            throw Problems.invalid(
                    "confirmedOn", "receipt is not confirmed before the file was sent (" + row.sentOn() + ")");
        }
        transfers.receiptConfirmed(
                urn, id, request.confirmedOn(), caller.subject(), Params.blankToNull(request.note()));
        audit.record(
                caller,
                urn,
                "pupils/" + row.pupilId(),
                "due-transfer.receipt-confirmed",
                AuditEntry.Outcome.SUCCESS,
                row.kind() + " receipt confirmed on " + request.confirmedOn());
        return DueTransferView.of(find(urn, id), today);
    }

    /** The DPO closes a safeguarding file transfer: the school holds none for this pupil. */
    public DueTransferView notHeld(String urn, UUID id, NotHeldRequest request) {
        school.open(urn);
        DueTransferQueries.Row row = find(urn, id);
        if (!row.kind().onlyIfHeld()) {
            throw Problems.unprocessable(row.kind() + " is always held; only the safeguarding file can be not held");
        }
        if (row.status() != DueTransferStatus.DUE) {
            throw Problems.conflict("this transfer is already " + row.status());
        }
        String note = request.note().strip();
        transfers.notHeld(urn, id, note);
        audit.record(
                caller,
                urn,
                "pupils/" + row.pupilId(),
                "due-transfer.not-held",
                AuditEntry.Outcome.SUCCESS,
                row.kind() + " closed: not held; " + note);
        return DueTransferView.of(find(urn, id), LegalTime.today(clock));
    }

    private DueTransferQueries.Row find(String urn, UUID id) {
        return Visibility.orNotFound(transfers.forUpdate(urn, id), "due transfer");
    }

    private static void notInFuture(String field, LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            throw Problems.invalid(field, "not in the future (today is " + today + ")");
        }
    }
}
