package org.custodian.consent.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.custodian.consent.roster.RosterIds;
import org.custodian.platform.http.Params;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The biometric records of the Protection of Freedoms Act 2012, ss.26–28: notices, alternatives, deletions. */
@Path("/api/v1/schools/{urn}/pupils/{pupilId}")
@Tag(name = "Biometrics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BiometricResource {

    private final Caller caller;
    private final BiometricService biometrics;

    public BiometricResource(Caller caller, BiometricService biometrics) {
        this.caller = caller;
        this.biometrics = biometrics;
    }

    @POST
    @Path("biometric-notices")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.MIS})
    @Operation(
            summary = "Record that a parent was notified in writing before processing, or why they need not be",
            description = "Protection of Freedoms Act 2012, s.26(2) and the s.27(1) exceptions (CANNOT_BE_FOUND,"
                    + " LACKS_CAPACITY, WELFARE, NOT_REASONABLY_PRACTICABLE). Without a notice or an exception for"
                    + " every parent who needs one the status is NOTIFICATION_NEEDED, never permitted. \"Parent\" is"
                    + " s.28's: a parent of the child or anyone with parental responsibility; when none can be"
                    + " asked, whoever has care of the child, or the local authority for a looked-after child.")
    @APIResponse(
            responseCode = "201",
            description = "The notice, with the pupil's status for the purpose after it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BiometricView.NoticeRecorded.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, unknown purpose, future date")
    @APIResponse(responseCode = "404", description = "No such pupil")
    @APIResponse(
            responseCode = "422",
            description = "Not a biometric purpose, or the person is not linked or not a parent within s.28 now")
    public Response notice(
            @PathParam("urn") String urn,
            @PathParam("pupilId") String pupilId,
            @Valid @NotNull BiometricNoticeRequest request) {
        caller.requireSchool(urn);
        Params.matching("pupilId", pupilId, RosterIds.ID, RosterIds.MESSAGE);
        return Response.status(Response.Status.CREATED)
                .entity(biometrics.notice(urn, pupilId, request, caller))
                .build();
    }

    @POST
    @Path("biometric-alternatives")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.MIS})
    @Operation(
            summary =
                    "Record the reasonable alternative offered to the child (Protection of Freedoms Act 2012, s.26(7))")
    @APIResponse(
            responseCode = "201",
            description = "The alternative as recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BiometricQueries.Alternative.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, unknown purpose, future date")
    @APIResponse(responseCode = "404", description = "No such pupil")
    @APIResponse(responseCode = "422", description = "Not a biometric purpose")
    public Response alternative(
            @PathParam("urn") String urn,
            @PathParam("pupilId") String pupilId,
            @Valid @NotNull BiometricAlternativeRequest request) {
        caller.requireSchool(urn);
        Params.matching("pupilId", pupilId, RosterIds.ID, RosterIds.MESSAGE);
        return Response.status(Response.Status.CREATED)
                .entity(biometrics.alternative(urn, pupilId, request, caller))
                .build();
    }

    @GET
    @Path("biometrics")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR})
    @Operation(summary = "The pupil's biometric record: notices, alternatives offered, template deletions raised")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "404", description = "No such pupil")
    public BiometricView view(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        Params.matching("pupilId", pupilId, RosterIds.ID, RosterIds.MESSAGE);
        return biometrics.view(urn, pupilId, caller);
    }
}
