package org.custodian.consent.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodian.consent.decision.ConsentReceipt;
import org.custodian.consent.decision.Decisions;
import org.custodian.consent.decision.PupilConsents;
import org.custodian.consent.decision.StoredDecision;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.roster.PupilAccess;
import org.custodian.consent.roster.PupilView;
import org.custodian.consent.roster.Roster;
import org.custodian.consent.support.Today;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Everything consent-service holds about one child, for subject access and portability. Not routed by the gateway. */
@Path(SubjectExport.PATH)
@Tag(name = "Subject export")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectExportResource {

    /** The export's {@code data}: the roster record, the guardians linked, statuses, every decision and its receipt. */
    public record ConsentData(PupilView pupil, List<Roster.GuardianOfPupil> guardians, List<PupilConsents.PurposeStatus> consents,
                              List<StoredDecision> decisions, List<ConsentReceipt> receipts) {
    }

    @Inject
    Caller caller;
    @Inject
    PupilAccess access;
    @Inject
    Roster roster;
    @Inject
    PupilConsents consents;
    @Inject
    Decisions decisions;
    @Inject
    AuditLog audit;
    @Inject
    Today today;

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.DPO})
    @Operation(summary = "Everything this service holds about one child (service tokens and the DPO)")
    @APIResponse(responseCode = "200", description = "The child's roster record, guardians, consent statuses, decisions and receipts")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role or school not allowed")
    @APIResponse(responseCode = "404", description = "No such pupil")
    public SubjectExport export(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        Pupil pupil = access.requireVisible(urn, pupilId, caller);
        List<PupilConsents.PurposeStatus> statuses = consents.explain(urn, pupil);
        List<StoredDecision> history = decisions.history(urn, pupilId);
        List<ConsentReceipt> receipts = history.stream().map(d -> decisions.receiptOf(urn, d, statuses.stream()
                .filter(s -> s.purpose().equals(d.purpose())).findFirst().orElseThrow().status())).toList();
        ConsentData data = new ConsentData(PupilView.of(pupil, today.date()), roster.guardiansOf(urn, pupilId), statuses,
                history, receipts);
        audit.record(caller, urn, "pupils/" + pupilId, "subject.exported", Outcome.SUCCESS,
                history.size() + " decisions");
        return new SubjectExport("consent-service", urn, pupilId, today.now(),
                "The pupil's roster record as synced from the school's MIS, the guardians linked to them, their consent "
                        + "status for each purpose with the reasons, and every consent decision ever recorded with its receipt.",
                CloudEventCodec.toData(data));
    }
}
