package org.custodian.consent.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.custodian.consent.roster.RosterIds;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/{urn}/pupils/{pupilId}/consents")
@Tag(name = "Consent decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final Caller caller;
    private final DecisionService decisions;
    private final PupilConsentService pupilConsents;
    private final IdempotencyKeys idempotency;

    public ConsentResource(
            Caller caller, DecisionService decisions, PupilConsentService pupilConsents, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.decisions = decisions;
        this.pupilConsents = pupilConsents;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.PARENT, Roles.PUPIL, Roles.DPO, Roles.SCHOOL_ADMIN, Roles.MIS})
    @Operation(
            summary = "Record a decision (grant, refuse or withdraw: the same call); returns the consent receipt",
            description = "A parent decides only for their own child, a pupil only for themself; anything else is 403.")
    @APIResponse(
            responseCode = "201",
            description = "The consent receipt",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsentReceipt.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid decision, unknown purpose or version, future evidence date")
    @APIResponse(responseCode = "404", description = "No such pupil, or not your child")
    @APIResponse(responseCode = "409", description = "Idempotency-Key used with another body")
    @APIResponse(
            responseCode = "422",
            description =
                    "The rules do not let this person decide (parental responsibility, competence age, biometrics)")
    @APIResponse(responseCode = "429", description = "A parent or pupil reached today's limit of withdrawals (audited)")
    public Response record(
            @PathParam("urn") String urn,
            @PathParam("pupilId") String pupilId,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull DecisionRequest request) {
        caller.requireSchool(urn);
        Params.matching("pupilId", pupilId, RosterIds.ID, RosterIds.MESSAGE);
        String path = "/api/v1/schools/" + urn + "/pupils/" + pupilId + "/consents";
        return idempotency.execute(caller.subject(), key, "POST " + path, request, () -> {
            ConsentReceipt receipt = decisions.record(urn, pupilId, request, caller);
            return Response.created(URI.create(path + "/" + receipt.receiptId()))
                    .entity(receipt)
                    .build();
        });
    }

    @GET
    @RolesAllowed({
        Roles.PARENT,
        Roles.PUPIL,
        Roles.DPO,
        Roles.SCHOOL_ADMIN,
        Roles.STAFF,
        Roles.SAFEGUARDING_LEAD,
        Roles.MIS,
        Roles.AUDITOR
    })
    @Operation(
            summary =
                    "The pupil's status for every purpose, with which decisions count and why; ?history=true adds every decision")
    @APIResponse(responseCode = "200", description = "Statuses (and history)")
    @APIResponse(responseCode = "400", description = "Bad history flag")
    @APIResponse(
            responseCode = "404",
            description =
                    "No such pupil, or not your child (a parent linked to the child without parental responsibility gets a 403 saying so)")
    public PupilConsentService.View statuses(
            @PathParam("urn") String urn,
            @PathParam("pupilId") String pupilId,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("history")
                    String history) {
        caller.requireSchool(urn);
        return pupilConsents.view(urn, pupilId, Params.flag("history", history), caller);
    }

    @GET
    @Path("{decisionId}")
    @RolesAllowed({
        Roles.PARENT,
        Roles.PUPIL,
        Roles.DPO,
        Roles.SCHOOL_ADMIN,
        Roles.STAFF,
        Roles.SAFEGUARDING_LEAD,
        Roles.MIS,
        Roles.AUDITOR
    })
    @Operation(summary = "The consent receipt of one decision")
    @APIResponse(responseCode = "200", description = "The receipt")
    @APIResponse(
            responseCode = "404",
            description =
                    "No such decision, or not your child (a parent linked to the child without parental responsibility gets a 403 saying so)")
    public ConsentReceipt receipt(
            @PathParam("urn") String urn,
            @PathParam("pupilId") String pupilId,
            @PathParam("decisionId") String decisionId) {
        caller.requireSchool(urn);
        return decisions.receipt(urn, pupilId, decisionId, caller);
    }
}
