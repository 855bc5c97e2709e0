package org.custodian.consent.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.consent.decision.ConsentReceipt;
import org.custodian.consent.decision.Decisions;
import org.custodian.consent.decision.PupilConsents;
import org.custodian.consent.decision.StoredDecision;
import org.custodian.consent.roster.Guardian;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.roster.PupilAccess;
import org.custodian.consent.roster.PupilView;
import org.custodian.consent.roster.Roster;
import org.custodian.consent.roster.RosterIds;
import org.custodian.consent.support.Today;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Everything consent-service holds about one child, for subject access and portability. Not routed by the gateway.
 * sar-service names the rights request's requester on every call, and the export then carries only the requester's
 * own contact data; see {@link ExportRules}.
 */
@Path(SubjectExport.PATH)
@Tag(name = "Subject export")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectExportResource {

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
    @Operation(
            summary =
                    "Everything this service holds about one child (service tokens and the DPO); for a rights request, as its requester may see it")
    @APIResponse(
            responseCode = "200",
            description =
                    "The child's roster record, the people linked to them, consent statuses, decisions "
                            + "and receipts. With a requester: the requester's own contact data, and for everyone else only their relationship to the "
                            + "child. Without (the DPO only): the guardians with their contact data. A person whose link is restricted is never included.")
    @APIResponse(
            responseCode = "400",
            description = "A malformed or incomplete requester, or a service that names no requester")
    @APIResponse(responseCode = "404", description = "No such pupil")
    public SubjectExport export(
            @PathParam("urn") String urn,
            @PathParam("pupilId") String pupilId,
            @Parameter(description = "Who made the rights request: GUARDIAN or PUPIL (required for service tokens)")
                    @QueryParam(SubjectExport.REQUESTER_TYPE)
                    String requesterType,
            @Parameter(description = "The requester's id: the MIS's guardian id, or the pupil's own id")
                    @QueryParam(SubjectExport.REQUESTER_ID)
                    String requesterId,
            @Parameter(description = "The rights request's id, for the audit log") @QueryParam(SubjectExport.REQUEST_ID)
                    String requestId) {
        caller.requireSchool(urn);
        SubjectExport.Requester requester = requester(pupilId, requesterType, requesterId, requestId);
        Pupil pupil = access.requireVisible(urn, pupilId, caller);
        List<PupilConsents.PurposeStatus> statuses = consents.explain(urn, pupil);
        List<StoredDecision> history = decisions.history(urn, pupilId);
        List<ConsentReceipt> receipts = history.stream()
                .map(d -> decisions.receiptOf(
                        urn,
                        d,
                        statuses.stream()
                                .filter(s -> s.purpose().equals(d.purpose()))
                                .findFirst()
                                .orElseThrow()
                                .status()))
                .toList();
        ExportRules.Asker asker = requester == null ? null : asker(urn, requester);
        ExportRules.ConsentData data = ExportRules.export(
                PupilView.of(pupil, today.date()),
                roster.guardiansOf(urn, pupilId),
                statuses,
                history,
                receipts,
                asker);
        audit.record(
                caller,
                urn,
                "pupils/" + pupilId,
                "subject.exported",
                Outcome.SUCCESS,
                data.decisions().size() + " decisions"
                        + (requester == null
                                ? ", the school's own view"
                                : ", for " + requester.type() + " " + requester.id()
                                        + (requester.requestId() == null
                                                ? ""
                                                : " (request " + requester.requestId() + ")")));
        return new SubjectExport(
                "consent-service",
                urn,
                pupilId,
                today.now(),
                "The pupil's roster record as synced from the school's MIS, "
                        + (requester == null
                                ? "the guardians linked to them, "
                                : "your own contact details as the school holds them, the people linked to the pupil by their relationship, ")
                        + "their consent status for each purpose with the reasons, and every consent decision ever recorded with its receipt.",
                CloudEventCodec.toData(data));
    }

    private SubjectExport.Requester requester(String pupilId, String type, String id, String requestId) {
        boolean named = type != null || id != null || requestId != null;
        if (!named) {
            if (!caller.hasRole(Roles.DPO)) {
                throw Problems.invalid(
                        SubjectExport.REQUESTER_TYPE,
                        "name the requester of the rights request this export is for"
                                + " (requesterType and requesterId)");
            }
            return null;
        }
        if (type == null || id == null) {
            throw Problems.invalid(
                    type == null ? SubjectExport.REQUESTER_TYPE : SubjectExport.REQUESTER_ID,
                    "requesterType and requesterId go together");
        }
        SubjectExport.Requester.Type kind;
        try {
            kind = SubjectExport.Requester.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(SubjectExport.REQUESTER_TYPE, "GUARDIAN or PUPIL");
        }
        RosterIds.require(id, SubjectExport.REQUESTER_ID);
        if (kind == SubjectExport.Requester.Type.PUPIL && !id.equals(pupilId)) {
            throw Problems.invalid(
                    SubjectExport.REQUESTER_ID, "a pupil's own request is about themselves: their own id");
        }
        UUID request = null;
        if (requestId != null) {
            try {
                request = UUID.fromString(requestId);
            } catch (IllegalArgumentException e) {
                throw Problems.invalid(SubjectExport.REQUEST_ID, "a request id (UUID)");
            }
        }
        return new SubjectExport.Requester(kind, id, request);
    }

    private ExportRules.Asker asker(String urn, SubjectExport.Requester requester) {
        if (requester.type() == SubjectExport.Requester.Type.PUPIL) {
            return new ExportRules.Asker(requester.type(), requester.id(), null, null);
        }
        Optional<Guardian> known = roster.guardian(urn, requester.id());
        return new ExportRules.Asker(
                requester.type(),
                requester.id(),
                known.map(Guardian::name).orElse(null),
                known.map(Guardian::email).orElse(null));
    }
}
