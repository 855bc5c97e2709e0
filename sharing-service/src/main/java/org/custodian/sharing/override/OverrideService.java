package org.custodian.sharing.override;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.custodian.sharing.disclosure.DisclosureService;
import org.custodian.sharing.disclosure.OverridesLogged;
import org.custodian.sharing.disclosurelog.DisclosureEntry;
import org.custodian.sharing.disclosurelog.DisclosureQueries;
import org.custodian.sharing.school.SchoolScope;

/**
 * Emergency overrides and their reviews: opens a review for each override as it is logged (observing
 * {@link OverridesLogged} in the disclosure's transaction), lists them, and records the DPO's finding.
 */
@ApplicationScoped
@Transactional
public class OverrideService {

    /** A review answered, or the same answer given again ({@code replayed}: nothing changed). */
    public record Answered(OverrideView override, boolean replayed) {}

    private final SchoolScope school;
    private final DisclosureService disclosures;
    private final OverrideRepository reviews;
    private final OverrideQueries overrides;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;
    private final int reviewWorkingDays;

    private final EventSource eventSource;

    OverrideService(
            SchoolScope school,
            DisclosureService disclosures,
            OverrideRepository reviews,
            OverrideQueries overrides,
            Outbox outbox,
            AuditLog audit,
            Caller caller,
            Clock clock,
            SharingConfig config,
            EventSource eventSource) {
        this.school = school;
        this.disclosures = disclosures;
        this.eventSource = eventSource;
        this.reviews = reviews;
        this.overrides = overrides;
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
    void opened(@Observes OverridesLogged logged) {
        String urn = logged.urn();
        List<OverridesLogged.Entry> made = logged.overrides();
        List<CloudEvent> events = new ArrayList<>(made.size());
        for (OverridesLogged.Entry m : made) {
            DisclosureEntry d = m.disclosure();
            LocalDate dueOn = ReviewRules.dueOn(LegalTime.dayOf(d.disclosedAt()), reviewWorkingDays);
            List<String> overridden = m.overridden().stream().map(Enum::name).toList();
            reviews.persist(OverrideReview.open(urn, d.id(), m.recipientSector(), m.authorisedAs(), overridden, dueOn));
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
                            d.agreementId() == null ? null : d.agreementId().toString(),
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
        outbox.appendAll(events);
    }

    /** The overrides matching the query parameters (parsed here: 400 naming the parameter when bad). */
    public Page<OverrideView> overrides(
            String urn, String pupilId, String recipientId, String from, String to, String review, PageRequest page) {
        school.open(urn);
        DisclosureQueries.Filter filter = DisclosureQueries.Filter.parse(pupilId, recipientId, from, to, true);
        LocalDate today = LegalTime.today(clock);
        Page<DisclosureEntry> logged =
                overrides.page(urn, filter, OverrideQueries.ReviewFilter.parse(review), today, page);
        Map<UUID, OverrideReview> reviewed = reviews.inSchool(
                urn, logged.items().stream().map(DisclosureEntry::id).toList());
        Page<OverrideView> result = logged.map(d -> OverrideView.of(d, reviewed.get(d.id()), today));
        disclosures.readLog(urn, filter, result.items().size(), "disclosure log rows (overrides)");
        return result;
    }

    /**
     * Records the DPO's finding. The same answer again changes nothing; another answer after one was recorded is a 409;
     * a disclosure that is not an override is a 404.
     */
    public Answered review(String urn, UUID disclosureId, ReviewRequest request) {
        school.open(urn);
        ReviewOutcome outcome = request.outcome();
        String note = request.note().strip();
        OverrideReview current =
                Visibility.orNotFound(reviews.findInSchoolForUpdate(urn, disclosureId), "emergency override");
        DisclosureEntry d = overrides.disclosure(urn, disclosureId).orElseThrow();
        LocalDate today = LegalTime.today(clock);
        Instant now = clock.instant();
        switch (current.answer(outcome, note, caller.subject(), now)) {
            case REPLAY -> {
                return new Answered(OverrideView.of(d, current, today), true);
            }
            case CONFLICT ->
                throw Problems.conflict("this override was already reviewed (" + current.outcome() + " on "
                        + current.reviewedAt() + "); a review is recorded once");
            case FIRST -> {}
        }
        OverrideView view = OverrideView.of(d, current, today);
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
