package org.custodian.sharing.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.custodian.platform.http.Params;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Visibility;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.school.SchoolScope;
import org.custodian.sharing.support.PartnerScope;

/**
 * Partner actions as the school and the partner see them: listed, summarised, read and answered (acknowledged,
 * completed, disputed, closed); a partner-only caller sees only its own recipient's actions.
 */
@ApplicationScoped
@Transactional
public class PartnerActionService {

    /** Nobody's recipient id: a partner token whose sub is not a recipient id sees nothing. */
    private static final UUID NOBODY = new UUID(0, 0);

    /** An action as answered; {@code replayed} when the same answer had been recorded before. */
    public record Answer(ActionView action, boolean replayed) {}

    private final SchoolScope school;
    private final Caller caller;
    private final PartnerActionRepository repository;
    private final PartnerActions actions;
    private final PartnerActionLinks links;
    private final Clock clock;

    PartnerActionService(
            SchoolScope school,
            Caller caller,
            PartnerActionRepository repository,
            PartnerActions actions,
            PartnerActionLinks links,
            Clock clock) {
        this.school = school;
        this.caller = caller;
        this.repository = repository;
        this.actions = actions;
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
        Optional<UUID> own = partner();
        if (own.isPresent()) {
            if (recipient != null && !recipient.equals(own.get())) {
                throw Problems.notFound("no recipient with that id");
            }
            recipient = own.get();
        }
        LocalDate today = LegalTime.today(clock);
        return repository
                .page(urn, new PartnerActionRepository.Filter(recipient, pupilId, statuses, kind), page)
                .map(a -> view(a, today));
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
        PartnerAction action = Visibility.visibleOrNotFound(repository.find(urn, id), visible(), "partner action");
        return view(action, LegalTime.today(clock));
    }

    /** Records a partner's or the DPO's answer ({@link ActionRules}); the same answer again is a replay. */
    public Answer answer(String urn, UUID id, Object answer, String ifMatch, boolean ifMatchRequired) {
        school.open(urn);
        PartnerActions.Answered answered = actions.answer(urn, id, visible(), answer, ifMatch, ifMatchRequired);
        return new Answer(view(answered.action(), LegalTime.today(clock)), answered.replayed());
    }

    /** The recipient a partner-only caller is limited to. */
    private Optional<UUID> partner() {
        return PartnerScope.of(caller).map(sub -> {
            try {
                return Params.uuid("sub", sub);
            } catch (RuntimeException notARecipient) {
                return NOBODY;
            }
        });
    }

    private Predicate<PartnerAction> visible() {
        Optional<UUID> own = partner();
        return a -> own.isEmpty() || own.get().equals(a.recipientId());
    }

    private ActionView view(PartnerAction a, LocalDate today) {
        Instant finished = a.finishedAt();
        LocalDate answeredOn = finished == null ? today : LegalTime.dayOf(finished);
        return new ActionView(
                a.id(),
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
