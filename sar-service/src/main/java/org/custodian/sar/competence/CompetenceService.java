package org.custodian.sar.competence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.LocalDate;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;
import org.custodian.sar.competence.CompetenceDtos.AssessmentInput;
import org.custodian.sar.competence.CompetenceDtos.AssessmentView;
import org.custodian.sar.competence.CompetenceQueries.Assessment;
import org.custodian.sar.roster.Roster;

/**
 * The DPO's per-child competence assessment: recorded (audited), read back, and consulted by the child-agreement rule,
 * where it overrides the school's competence age either way.
 */
@ApplicationScoped
@Transactional
public class CompetenceService {

    private final Caller caller;
    private final CompetenceQueries assessments;
    private final Roster roster;
    private final AuditLog audit;
    private final Clock clock;

    public CompetenceService(Caller caller, CompetenceQueries assessments, Roster roster, AuditLog audit, Clock clock) {
        this.caller = caller;
        this.assessments = assessments;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
    }

    public AssessmentView record(String urn, String pupilId, AssessmentInput in) {
        if (roster.pupil(urn, pupilId).isEmpty()) {
            throw Problems.notFound("no pupil with that id");
        }
        LocalDate today = LegalTime.today(clock);
        LocalDate on = in.assessedOn() == null ? today : in.assessedOn();
        if (on.isAfter(today)) {
            throw Problems.invalid("assessedOn", "cannot be in the future (today is " + today + ")");
        }
        Assessment a = new Assessment(pupilId, in.competent(), on, in.reason(), caller.subject(), clock.instant());
        assessments.save(urn, a);
        audit.record(
                caller,
                urn,
                "schools/" + urn + "/pupils/" + pupilId,
                "competence.assessed",
                AuditEntry.Outcome.SUCCESS,
                (a.competent() ? "competent" : "not yet competent") + " on " + on + ": " + a.reason());
        return view(urn, a);
    }

    @Transactional(TxType.SUPPORTS)
    public AssessmentView get(String urn, String pupilId) {
        return assessments
                .find(urn, pupilId)
                .map(a -> view(urn, a))
                .orElseThrow(() -> Problems.notFound("no competence assessment is recorded for that pupil"));
    }

    private AssessmentView view(String urn, Assessment a) {
        return new AssessmentView(
                a.pupilId(),
                a.competent(),
                a.assessedOn(),
                a.reason(),
                a.assessedBy(),
                a.recordedAt(),
                roster.schoolOrDefaults(urn).effectiveCompetenceAge());
    }
}
