package org.custodian.retention.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;
import org.custodian.retention.export.SubjectExportResource.HeldRecord;
import org.custodian.retention.export.SubjectExportResource.RetentionExport;
import org.custodian.retention.hold.HoldRule;
import org.custodian.retention.hold.LegalHoldRepository;
import org.custodian.retention.holding.Holding;
import org.custodian.retention.holding.HoldingQueries;
import org.custodian.retention.schedule.RetentionRule;
import org.custodian.retention.schedule.ScheduleRuleRepository;
import org.custodian.retention.schedule.ScheduledClass;

/** Subject access: what is held about a child and until when, with its audit row. */
@ApplicationScoped
@Transactional
public class SubjectExportService {

    private final HoldingQueries holdings;
    private final ScheduleRuleRepository schedule;
    private final LegalHoldRepository holds;
    private final AuditLog audit;
    private final Clock clock;

    public SubjectExportService(
            HoldingQueries holdings,
            ScheduleRuleRepository schedule,
            LegalHoldRepository holds,
            AuditLog audit,
            Clock clock) {
        this.holdings = holdings;
        this.schedule = schedule;
        this.holds = holds;
        this.audit = audit;
        this.clock = clock;
    }

    public SubjectExport export(Caller caller, String urn, String pupilId) {
        LocalDate day = LegalTime.today(clock);
        Map<String, ScheduledClass> classes = schedule.classesInForce(urn);
        List<HoldRule> active = holds.rulesApplyingInSchool(urn, day);
        List<HeldRecord> records = holdings.forPupil(urn, pupilId).stream()
                .map(h -> record(h, classes.get(h.classCode()), active, day))
                .toList();
        audit.record(
                caller,
                urn,
                "pupils/" + pupilId,
                "subject.exported",
                AuditEntry.Outcome.SUCCESS,
                records.size() + " records");
        String summary = records.isEmpty()
                ? "No records about this pupil are registered with the retention schedule."
                : records.size() + " records about this pupil are registered with the school's retention schedule "
                        + "(adopted from the IRMS toolkit for schools); each says how long it is kept, from what, and what happens then.";
        return new SubjectExport(
                "retention-service",
                urn,
                pupilId,
                clock.instant(),
                summary,
                CloudEventCodec.toData(new RetentionExport(pupilId, records)));
    }

    private static HeldRecord record(Holding h, ScheduledClass scheduled, List<HoldRule> active, LocalDate day) {
        RetentionRule rule = scheduled == null ? null : scheduled.rule();
        boolean held = active.stream().anyMatch(r -> r.covers(h.classCode(), h.pupilId(), day));
        return new HeldRecord(
                h.classCode(),
                rule == null ? null : rule.description(),
                h.system(),
                h.reference(),
                h.createdOn(),
                h.closedOn(),
                h.status(),
                rule == null ? null : describe(rule),
                rule == null ? null : rule.basis(),
                rule == null ? null : rule.citation(),
                h.due().dueOn(),
                h.due().action(),
                h.due().because(),
                h.due().waitingFor(),
                h.due().erasureNote(),
                held);
    }

    static String describe(RetentionRule rule) {
        String from = switch (rule.trigger()) {
            case DATE_OF_BIRTH -> "the pupil's date of birth";
            case LEFT_SCHOOL -> "the day the pupil leaves";
            case CREATED -> "the day the record was made";
            case CLOSED -> "the day the record is closed";
            case END_OF_ACADEMIC_YEAR -> "the end of the academic year it was made in";
            case CONSENT_WITHDRAWN -> "the day consent is refused, withdrawn or expires";
        };
        String kept = rule.period().isZero() ? "kept until " + from : "kept " + rule.period() + " from " + from;
        if (rule.untilPupilAge() != null) {
            kept += ", and at least until the pupil is " + rule.untilPupilAge();
        }
        if (rule.reviewOnLeaving()) {
            kept += " (reviewed when the pupil leaves)";
        }
        if (rule.transferOnLeaving()) {
            kept += " (transferred to the next school when the pupil leaves)";
        }
        String then = switch (rule.action()) {
            case DESTROY -> "then securely destroyed";
            case TRANSFER_TO_NEXT_SCHOOL -> "then transferred to the next school";
            case REVIEW -> "then reviewed";
        };
        return kept + ", " + then;
    }
}
