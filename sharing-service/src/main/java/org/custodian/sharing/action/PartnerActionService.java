package org.custodian.sharing.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.http.ETags;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Visibility;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.action.ActionRules.Acknowledgement;
import org.custodian.sharing.action.ActionRules.Closure;
import org.custodian.sharing.action.ActionRules.Completion;
import org.custodian.sharing.action.ActionRules.Dispute;
import org.custodian.sharing.action.ActionRules.Verdict;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.recipient.PartnerIdentity;
import org.custodian.sharing.recipient.PartnerReach;
import org.custodian.sharing.school.SchoolScope;

/**
 * Partner actions as the school and the partner see them: listed, summarised, read and answered (acknowledged,
 * completed, disputed, closed); a partner-only caller sees only its own recipient's actions.
 */
@ApplicationScoped
@Transactional
public class PartnerActionService {

    /** An action as answered; {@code replayed} when the same answer had been recorded before. */
    public record Answer(ActionView action, boolean replayed) {}

    /** The action after an answer; {@code replayed} when the same answer had been given before. */
    private record Answered(PartnerAction action, boolean replayed) {}

    private final SchoolScope school;
    private final Caller caller;
    private final PartnerActionRepository repository;
    private final AuditLog audit;
    private final PartnerActionLinks links;
    private final Clock clock;
    private final PartnerReach reach;

    PartnerActionService(
            SchoolScope school,
            Caller caller,
            PartnerActionRepository repository,
            AuditLog audit,
            PartnerActionLinks links,
            Clock clock,
            PartnerReach reach) {
        this.reach = reach;
        this.school = school;
        this.caller = caller;
        this.repository = repository;
        this.audit = audit;
        this.links = links;
        this.clock = clock;
    }

    public Page<ActionView> list(
            String urn,
            UUID recipientId,
            String pupilId,
            Set<ActionStatus> statuses,
            ActionKind kind,
            PageRequest page) {
        school.open(urn);
        UUID recipient = recipientId;
        String partnerId = null;
        Optional<PartnerIdentity> who = reach.identity();
        if (who.isPresent()) {
            if (recipient != null && !reach.reaches(who.get(), urn, recipient)) {
                throw Problems.notFound("no recipient with that id");
            }
            if (who.get().isOrganisation()) {
                partnerId = who.get().partnerId();
            } else {
                recipient = who.get().recipientId();
            }
        }
        LocalDate today = LegalTime.today(clock);
        return repository
                .pageInSchool(
                        urn, new PartnerActionRepository.Filter(recipient, pupilId, statuses, kind, partnerId), page)
                .map(a -> view(a, today));
    }

    /**
     * A partner's own actions across every school that shares with it (issue 17): the partner-scoped read, under no
     * one school; {@code urn} narrows it to one.
     */
    public Page<ActionView> listForPartner(String urn, Set<ActionStatus> statuses, ActionKind kind, PageRequest page) {
        PartnerIdentity who = reach.identity()
                .orElseThrow(() -> Problems.forbidden("only a partner's own token reads a partner's actions"));
        LocalDate today = LegalTime.today(clock);
        return repository.pageReachedBy(who, urn, statuses, kind, page).map(a -> view(a, today));
    }

    public Page<RecipientSummary> byRecipient(String urn, boolean unresolved, PageRequest page) {
        school.open(urn);
        return repository
                .byRecipient(urn, unresolved, page)
                .map(c -> new RecipientSummary(c.recipientId(), c.recipientName(), c.actions()));
    }

    public Page<PupilSummary> byPupil(String urn, boolean unresolved, PageRequest page) {
        school.open(urn);
        return repository.byPupil(urn, unresolved, page).map(c -> new PupilSummary(c.pupilId(), c.actions()));
    }

    public ActionView get(String urn, UUID id) {
        school.open(urn);
        PartnerAction action =
                Visibility.visibleOrNotFound(repository.findInSchool(urn, id), visible(urn), "partner action");
        return view(action, LegalTime.today(clock));
    }

    /** Records a partner's or the DPO's answer ({@link ActionRules}); the same answer again is a replay. */
    public Answer answer(String urn, UUID id, Object answer, String ifMatch, boolean ifMatchRequired) {
        school.open(urn);
        Answered answered = apply(urn, id, visible(urn), answer, ifMatch, ifMatchRequired);
        return new Answer(view(answered.action(), LegalTime.today(clock)), answered.replayed());
    }

    private Answered apply(
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
                Visibility.visibleOrNotFound(repository.findInSchoolForUpdate(urn, id), visible, "partner action");
        Instant now = clock.instant();
        if (answer instanceof CompletionRequest r) {
            answer = new Completion(
                    ActionRules.performedAt(action.state(), r.performedAt(), now),
                    r.outcome(),
                    r.recordCount(),
                    r.reference(),
                    r.note());
        }
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
            action.acknowledge(verdict.next(), a, now);
            what = "acknowledged";
        } else if (answer instanceof Completion c) {
            action.complete(c, now);
            what = "completed";
            detail += ": " + c.outcome() + " at " + c.performedAt() + ", " + c.recordCount() + " record(s), reference "
                    + c.reference();
        } else if (answer instanceof Dispute d) {
            action.dispute(d, now);
            what = "disputed";
            detail += ": " + d.reason();
        } else {
            action.close(caller.subject(), (Closure) answer, now);
            what = "closed";
            detail += ": closed by the school: " + ((Closure) answer).note();
        }
        audit.record(
                caller,
                urn,
                "partner-actions/" + action.id(),
                "partner-action." + what,
                AuditEntry.Outcome.SUCCESS,
                detail + reach.identity().map(w -> " (" + w.describe() + ")").orElse(""));
        repository.flush(); // the version the answer's ETag names
        return new Answered(action, false);
    }

    /** What the caller may see: everything for the school's people, the recipients it reaches for a partner. */
    private Predicate<PartnerAction> visible(String urn) {
        Optional<PartnerIdentity> who = reach.identity();
        return a -> who.isEmpty() || reach.reaches(who.get(), urn, a.recipientId());
    }

    private ActionView view(PartnerAction a, LocalDate today) {
        Instant finished = a.finishedAt();
        LocalDate answeredOn = finished == null ? today : LegalTime.dayOf(finished);
        return new ActionView(
                a.id(),
                a.schoolUrn(),
                a.recipientId(),
                a.recipientName(),
                a.pupilId(),
                a.kind(),
                a.kind().description(),
                a.kind().outcomes(),
                a.causeType(),
                a.causeReference(),
                a.messageId(),
                a.deliveredAt(),
                a.dataCategories(),
                a.status(),
                a.openedAt(),
                a.dueOn(),
                answeredOn.isAfter(a.dueOn()),
                a.acknowledgedAt(),
                a.acknowledgement() == null ? null : a.acknowledgement().note(),
                a.completion() == null
                        ? null
                        : new CompletionView(
                                a.completion().performedAt(),
                                a.completion().outcome(),
                                a.completion().recordCount(),
                                a.completion().reference(),
                                a.completion().note(),
                                a.completedAt()),
                a.dispute() == null
                        ? null
                        : new DisputeView(a.dispute().reason(), a.dispute().legalReference(), a.disputedAt()),
                a.overdueSince(),
                a.reminders(),
                a.lastReminderAt(),
                a.closure() == null ? null : new ClosureView(a.closure().note(), a.closedBy(), a.closedAt()),
                links.urls(a.schoolUrn(), a.id()),
                a.version());
    }
}
