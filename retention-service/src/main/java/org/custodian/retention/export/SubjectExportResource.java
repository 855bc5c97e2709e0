package org.custodian.retention.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.retention.hold.HoldRule;
import org.custodian.retention.hold.LegalHoldStore;
import org.custodian.retention.holding.Holding;
import org.custodian.retention.holding.HoldingStatus;
import org.custodian.retention.holding.HoldingStore;
import org.custodian.retention.schedule.DisposalAction;
import org.custodian.retention.schedule.LegalBasis;
import org.custodian.retention.schedule.RetentionRule;
import org.custodian.retention.schedule.ScheduleStore;
import org.custodian.retention.schedule.ScheduledClass;
import org.custodian.retention.support.Today;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * For subject access: what records are held about a child and until when — the "how long will you keep it" answer.
 * Called by sar-service with a service token, or by the DPO; never routed by the gateway.
 */
@Path(SubjectExport.PATH)
@Tag(name = "Subject access")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectExportResource {

    static final String PUPIL_ID = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}";

    /** One record held about the child, with the rule that decides how long it is kept. */
    public record HeldRecord(
            String recordClass,
            String description,
            String system,
            String reference,
            LocalDate createdOn,
            LocalDate closedOn,
            HoldingStatus status,
            String retentionRule,
            LegalBasis basis,
            String citation,
            LocalDate keptUntil,
            DisposalAction then,
            String howTheDateIsReached,
            String waitingFor,
            String erasureNote,
            boolean onLegalHold) {}

    public record RetentionExport(String pupilId, List<HeldRecord> records) {}

    @Inject
    Caller caller;

    @Inject
    HoldingStore holdings;

    @Inject
    ScheduleStore schedule;

    @Inject
    LegalHoldStore holds;

    @Inject
    AuditLog audit;

    @Inject
    Today today;

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.DPO})
    @Transactional
    @Operation(
            summary =
                    "Everything retention-service holds about one child: the records registered and until when each is kept")
    @APIResponse(responseCode = "200", description = "The export (empty records when nothing is registered)")
    @APIResponse(responseCode = "400", description = "Malformed school URN or pupil id")
    public SubjectExport export(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        if (!pupilId.matches(PUPIL_ID)) {
            throw Problems.invalid("pupilId", "a pupil id of up to 64 letters, digits and ._:/-");
        }
        LocalDate day = today.date();
        Map<String, ScheduledClass> classes = schedule.current(urn);
        List<HoldRule> active = holds.activeRules(urn, day);
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
                today.now(),
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
            case CONSENT_WITHDRAWN -> "the day consent is withdrawn";
        };
        String kept = rule.period().isZero() ? "kept until " + from : "kept " + rule.period() + " from " + from;
        if (rule.untilPupilAge() != null) {
            kept += ", and at least until the pupil is " + rule.untilPupilAge();
        }
        if (rule.reviewOnLeaving()) {
            kept += " (reviewed when the pupil leaves)";
        }
        String then = switch (rule.action()) {
            case DESTROY -> "then securely destroyed";
            case TRANSFER_TO_NEXT_SCHOOL -> "then transferred to the next school";
            case REVIEW -> "then reviewed";
        };
        return kept + ", " + then;
    }
}
