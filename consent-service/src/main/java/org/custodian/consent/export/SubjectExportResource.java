package org.custodian.consent.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.custodian.consent.roster.RosterIds;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    private final Caller caller;
    private final SubjectExportService exports;

    public SubjectExportResource(Caller caller, SubjectExportService exports) {
        this.caller = caller;
        this.exports = exports;
    }

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.DPO})
    @Operation(
            summary =
                    "Everything this service holds about one child (service tokens and the DPO); for a rights request, as its requester may see it")
    @APIResponse(
            responseCode = "200",
            description =
                    "The child's roster record, the people linked to them, consent statuses, decisions "
                            + "and receipts, and the biometric records (for a guardian, only the notices sent to them). With a requester: the requester's own contact data, and for everyone else only their relationship to the "
                            + "child. Without (the DPO only): the guardians with their contact data. A person whose link is restricted is never included.")
    @APIResponse(
            responseCode = "400",
            description = "A malformed or incomplete requester, or a service that names no requester")
    @APIResponse(responseCode = "404", description = "No such pupil")
    public SubjectExport export(
            @PathParam("urn") String urn,
            @PathParam("pupilId") String pupilId,
            @Parameter(
                            description =
                                    "Who made the rights request: GUARDIAN or PUPIL (required for service tokens)",
                            schema = @Schema(implementation = SubjectExport.Requester.Type.class))
                    @QueryParam(SubjectExport.REQUESTER_TYPE)
                    String requesterType,
            @Parameter(
                            description = "The requester's id: the MIS's guardian id, or the pupil's own id",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^" + RosterIds.PATTERN + "$"))
                    @QueryParam(SubjectExport.REQUESTER_ID)
                    String requesterId,
            @Parameter(
                            description = "The rights request's id, for the audit log",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam(SubjectExport.REQUEST_ID)
                    String requestId) {
        caller.requireSchool(urn);
        return exports.export(urn, pupilId, requesterType, requesterId, requestId, caller);
    }
}
