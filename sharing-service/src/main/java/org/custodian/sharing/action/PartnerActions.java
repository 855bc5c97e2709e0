package org.custodian.sharing.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.http.ETags;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Visibility;
import org.custodian.sharing.action.ActionRules.Acknowledgement;
import org.custodian.sharing.action.ActionRules.Closure;
import org.custodian.sharing.action.ActionRules.Completion;
import org.custodian.sharing.action.ActionRules.Dispute;
import org.custodian.sharing.action.ActionRules.Verdict;
import org.custodian.sharing.agreement.AgreementRepository;
import org.custodian.sharing.webhook.PartnerNotifier;
import org.custodian.sharing.webhook.PartnerNotifier.SharingEnd;

/**
 * Answers to partner actions (acknowledgement, completion, dispute, the DPO's closing by hand), each idempotent and
 * audited; and the end of sharing when a recipient's last agreement ends.
 */
@ApplicationScoped
public class PartnerActions {

    /** The action after an answer; {@code replayed} when the same answer had been given before. */
    public record Answered(PartnerAction action, boolean replayed) {}

    private final PartnerActionRepository repository;

    private final AgreementRepository agreements;

    private final PartnerNotifier notifier;

    private final Jdbc jdbc;

    private final AuditLog audit;

    private final Caller caller;

    private final Clock clock;

    PartnerActions(
            PartnerActionRepository repository,
            AgreementRepository agreements,
            PartnerNotifier notifier,
            Jdbc jdbc,
            AuditLog audit,
            Caller caller,
            Clock clock) {
        this.repository = repository;
        this.agreements = agreements;
        this.notifier = notifier;
        this.jdbc = jdbc;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Applies an answer ({@link Acknowledgement}, {@link Completion}, {@link Dispute} or {@link Closure}) to an action
     * the caller may see. The same answer again is a replay (no change, no audit); any other answer to a finished
     * action is a 409. {@code If-Match}, when sent (or required), must match unless the answer is a replay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Answered answer(
            String urn,
            UUID id,
            Predicate<PartnerAction> visible,
            Object answer,
            String ifMatch,
            boolean ifMatchRequired) {
        if (ifMatchRequired && (ifMatch == null || ifMatch.isBlank())) {
            throw Problems.preconditionRequired("send If-Match with the ETag of the action you are closing");
        }
        PartnerAction action =
                Visibility.visibleOrNotFound(repository.findForUpdate(urn, id), visible, "partner action");
        Instant now = clock.instant();
        Verdict verdict;
        if (answer instanceof Acknowledgement a) {
            verdict = ActionRules.acknowledge(action.state(), a);
        } else if (answer instanceof Completion c) {
            List<FieldError> errors = ActionRules.check(action.kind(), c, now).stream()
                    .map(v -> new FieldError(v.field(), v.message()))
                    .toList();
            if (!errors.isEmpty()) {
                throw Problems.invalid(errors);
            }
            verdict = ActionRules.complete(action.state(), c);
        } else if (answer instanceof Dispute d) {
            verdict = ActionRules.dispute(action.state(), d);
        } else {
            verdict = ActionRules.close(action.state(), (Closure) answer);
        }
        switch (verdict.effect()) {
            case REPLAY:
                return new Answered(action, true);
            case CONFLICT:
                throw Problems.conflict(verdict.detail());
            default:
                break;
        }
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, action.version());
        }
        String what;
        String detail = "pupil " + action.pupilId() + ", " + action.kind() + " asked of " + action.recipientName()
                + " (" + action.causeType() + ", due by " + action.dueOn() + ")";
        if (answer instanceof Acknowledgement a) {
            repository.acknowledged(action, verdict.next(), now, a);
            what = "acknowledged";
        } else if (answer instanceof Completion c) {
            repository.completed(action, now, c);
            what = "completed";
            detail += ": " + c.outcome() + " at " + c.performedAt() + ", " + c.recordCount() + " record(s), reference "
                    + c.reference();
        } else if (answer instanceof Dispute d) {
            repository.disputed(action, now, d);
            what = "disputed";
            detail += ": " + d.reason();
        } else {
            repository.closed(action, now, caller.subject(), (Closure) answer);
            what = "closed";
            detail += ": closed by the school: " + ((Closure) answer).note();
        }
        audit.record(
                caller,
                urn,
                "partner-actions/" + action.id(),
                "partner-action." + what,
                AuditEntry.Outcome.SUCCESS,
                detail);
        return new Answered(repository.find(urn, id).orElseThrow(), false);
    }

    /**
     * An agreement ended on {@code validTo}: if the recipient has no other agreement in force from {@code today} on,
     * the school has stopped sharing with it altogether and every pupil whose data it received is asked to be deleted.
     * Each end date of an agreement is looked at once.
     *
     * @return how many actions were opened
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int agreementEnded(String urn, UUID agreementId, UUID recipientId, LocalDate validTo, LocalDate today) {
        if (jdbc.update("""
                INSERT INTO agreement_end (school_urn, agreement_id, valid_to, processed_at, actions) VALUES (?, ?, ?, ?, 0)
                ON CONFLICT DO NOTHING
                """, urn, agreementId, validTo, clock.instant()) == 0) {
            return 0;
        }
        if (agreements.anyInForceFrom(urn, recipientId, agreementId, today)) {
            return 0;
        }
        int opened = notifier.sharingEnded(
                urn,
                recipientId,
                SharingEnd.AGREEMENT_ENDED,
                agreementId,
                "agreement-ended:" + agreementId + ":" + validTo);
        jdbc.update(
                "UPDATE agreement_end SET actions = ? WHERE school_urn = ? AND agreement_id = ? AND valid_to = ?",
                opened,
                urn,
                agreementId,
                validTo);
        return opened;
    }
}
