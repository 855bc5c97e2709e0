package org.custodian.sharing.override;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.SharingEvents;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Visibility;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.SharingConfig;
import org.custodian.sharing.decision.Reason;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.disclosure.DisclosureEntry;
import org.custodian.sharing.disclosure.DisclosureRepository;

/**
 * The DPO's side of emergency overrides: each one opens a review and alerts the DPO at once (an event on
 * {@code custodian.sharing.v1}, in the transaction that logs the disclosure); the DPO lists them and records whether
 * each was justified, within a clock of working days.
 */
@ApplicationScoped
public class OverrideReviews {

    /** One override just logged: its row, the recipient's sector, the role that allowed it and what it set aside. */
    public record Made(
            DisclosureEntry disclosure, Sector recipientSector, String authorisedAs, List<Reason> overridden) {}

    /** A review answered, or the same answer given again ({@code replayed}: nothing changed). */
    public record Answered(OverrideView override, boolean replayed) {}

    private final OverrideRepository repository;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;
    private final int reviewWorkingDays;

    private final EventSource eventSource;

    @Inject
    public OverrideReviews(
            OverrideRepository repository,
            Outbox outbox,
            AuditLog audit,
            Caller caller,
            Clock clock,
            SharingConfig config,
            EventSource eventSource) {
        this.eventSource = eventSource;
        this.repository = repository;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
        int reviewWorkingDays = config.overrides().reviewWorkingDays();
        if (reviewWorkingDays < 1 || reviewWorkingDays > 60) {
            throw new IllegalArgumentException(
                    "custodian.sharing.overrides.review-working-days is 1 to 60, not " + reviewWorkingDays);
        }
        this.reviewWorkingDays = reviewWorkingDays;
    }

    /** Opens the reviews of one request's overrides and appends a {@code disclosure.override-made} per pupil. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(String urn, List<Made> made) {
        List<OverrideReview> reviews = new ArrayList<>(made.size());
        List<CloudEvent> events = new ArrayList<>(made.size());
        for (Made m : made) {
            DisclosureEntry d = m.disclosure();
            LocalDate dueOn = ReviewRules.dueOn(LegalTime.dayOf(d.disclosedAt()), reviewWorkingDays);
            List<String> overridden = m.overridden().stream().map(Enum::name).toList();
            reviews.add(new OverrideReview(
                    urn,
                    d.id(),
                    m.recipientSector(),
                    m.authorisedAs(),
                    overridden,
                    dueOn,
                    null,
                    null,
                    null,
                    null,
                    null));
            events.add(eventSource.aboutPupil(
                    EventTypes.OVERRIDE_MADE,
                    urn,
                    d.pupilId(),
                    CloudEventCodec.toData(new SharingEvents.OverrideMade(
                            d.id().toString(),
                            d.requestId().toString(),
                            d.pupilId(),
                            d.recipientId().toString(),
                            m.recipientSector().name(),
                            d.agreementId().toString(),
                            d.agreementBasis(),
                            d.lawfulBasis(),
                            d.purpose(),
                            d.dataCategories(),
                            overridden,
                            d.disclosedBy(),
                            m.authorisedAs(),
                            d.disclosedAt(),
                            dueOn))));
        }
        repository.insertAll(urn, reviews);
        outbox.appendAll(events);
    }

    public Page<OverrideView> page(
            String urn, DisclosureRepository.Filter filter, OverrideRepository.ReviewFilter review, PageRequest page) {
        LocalDate today = LegalTime.today(clock);
        return repository
                .page(urn, filter, review, today, page)
                .map(r -> OverrideView.of(r.disclosure(), r.review(), today));
    }

    /**
     * Records the DPO's finding. The same answer again changes nothing; another answer after one was recorded is a 409;
     * a disclosure that is not an override is a 404.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Answered review(String urn, UUID disclosureId, ReviewOutcome outcome, String note) {
        OverrideRepository.Row row =
                Visibility.orNotFound(repository.findForUpdate(urn, disclosureId), "emergency override");
        OverrideReview current = row.review();
        LocalDate today = LegalTime.today(clock);
        switch (ReviewRules.answer(current.outcome(), current.note(), outcome, note)) {
            case REPLAY -> {
                return new Answered(OverrideView.of(row.disclosure(), current, today), true);
            }
            case CONFLICT ->
                throw Problems.conflict("this override was already reviewed (" + current.outcome() + " on "
                        + current.reviewedAt() + "); a review is recorded once");
            case FIRST -> {}
        }
        Instant now = clock.instant();
        repository.answer(urn, disclosureId, outcome, note, caller.subject(), now);
        OverrideReview answered = new OverrideReview(
                urn,
                disclosureId,
                current.recipientSector(),
                current.authorisedAs(),
                current.overridden(),
                current.dueOn(),
                outcome,
                note,
                caller.subject(),
                now,
                current.overdueAt());
        OverrideView view = OverrideView.of(row.disclosure(), answered, today);
        DisclosureEntry d = row.disclosure();
        outbox.append(eventSource.aboutPupil(
                EventTypes.OVERRIDE_REVIEWED,
                urn,
                d.pupilId(),
                CloudEventCodec.toData(new SharingEvents.OverrideReviewed(
                        d.id().toString(),
                        d.pupilId(),
                        d.recipientId().toString(),
                        outcome.name(),
                        current.dueOn(),
                        view.review().late(),
                        caller.subject(),
                        now))));
        audit.record(
                caller,
                urn,
                "pupils/" + d.pupilId(),
                "disclosure.override-reviewed",
                AuditEntry.Outcome.SUCCESS,
                "emergency disclosure " + d.id() + " to " + d.recipientName() + " reviewed: " + outcome
                        + (view.review().late() ? " (after its last day, " + current.dueOn() + ")" : "") + "; " + note);
        return new Answered(view, false);
    }
}
