package org.custodian.consent.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.custodian.consent.school.SchoolService;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;

/**
 * The DPO's per-child competence assessment: recorded (audited), read back, and published on {@code pupil.updated}
 * so that the other services apply it; recording one recomputes the child's consent statuses ({@link RosterChanged}).
 */
@ApplicationScoped
@Transactional
public class CompetenceService {

    private final CompetenceAssessmentRepository assessments;
    private final RosterQueries roster;
    private final SchoolService schools;
    private final Outbox outbox;
    private final EventSource events;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<RosterChanged> rosterChanged;

    public CompetenceService(
            CompetenceAssessmentRepository assessments,
            RosterQueries roster,
            SchoolService schools,
            Outbox outbox,
            EventSource events,
            AuditLog audit,
            Clock clock,
            Event<RosterChanged> rosterChanged) {
        this.assessments = assessments;
        this.roster = roster;
        this.schools = schools;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.rosterChanged = rosterChanged;
    }

    /** Records the DPO's assessment (replacing the last); emits {@code pupil.updated} carrying it. */
    public CompetenceView record(String urn, String pupilId, CompetenceInput in, Caller caller) {
        Pupil pupil = roster.pupil(urn, pupilId).orElseThrow(() -> Problems.notFound("no pupil with that id"));
        LocalDate today = LegalTime.today(clock);
        LocalDate on = in.assessedOn() == null ? today : in.assessedOn();
        if (on.isAfter(today)) {
            throw Problems.invalid("assessedOn", "cannot be in the future (today is " + today + ")");
        }
        Optional<CompetenceAssessment> existing = assessments.findOfPupil(urn, pupilId);
        CompetenceAssessment assessment = existing.orElseGet(() -> CompetenceAssessment.of(urn, pupilId));
        assessment.assess(in.competent(), on, in.reason(), caller.subject(), clock.instant());
        if (existing.isEmpty()) {
            assessments.persist(assessment);
        }
        assessments.flush();
        outbox.append(events.aboutPupil(
                EventTypes.PUPIL_UPDATED,
                urn,
                pupilId,
                CloudEventCodec.toData(RosterService.facts(pupil, today, assessment.asEvent()))));
        rosterChanged.fire(new RosterChanged(urn, Set.of(pupilId)));
        audit.record(
                caller,
                urn,
                "pupils/" + pupilId,
                "competence.assessed",
                Outcome.SUCCESS,
                (assessment.competent() ? "competent" : "not yet competent") + " from " + on + ": "
                        + assessment.reason());
        return CompetenceView.of(assessment, schools.profile(urn).effectiveCompetenceAge());
    }

    /** The current assessment of a pupil of the school. */
    @Transactional(TxType.SUPPORTS)
    public CompetenceView get(String urn, String pupilId) {
        if (roster.pupil(urn, pupilId).isEmpty()) {
            throw Problems.notFound("no pupil with that id");
        }
        return current(urn, pupilId)
                .orElseThrow(() -> Problems.notFound("no competence assessment is recorded for that pupil"));
    }

    /** The current assessment, if any (for the subject export). */
    @Transactional(TxType.SUPPORTS)
    public Optional<CompetenceView> current(String urn, String pupilId) {
        return assessments
                .findOfPupil(urn, pupilId)
                .map(a -> CompetenceView.of(a, schools.profile(urn).effectiveCompetenceAge()));
    }
}
