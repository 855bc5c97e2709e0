package org.custodian.consent.purpose;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.custodian.platform.http.ETags;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/{urn}/purposes")
@Tag(name = "Purposes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PurposeResource {

    private final Caller caller;
    private final PurposeService purposes;
    private final IdempotencyKeys idempotency;

    public PurposeResource(Caller caller, PurposeService purposes, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.purposes = purposes;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({
        Roles.DPO,
        Roles.SCHOOL_ADMIN,
        Roles.STAFF,
        Roles.SAFEGUARDING_LEAD,
        Roles.PARENT,
        Roles.PUPIL,
        Roles.MIS,
        Roles.AUDITOR
    })
    @Operation(summary = "List the school's consent purposes with their current wording")
    @APIResponse(responseCode = "200", description = "Every purpose (a school has a few dozen at most)")
    public PurposeList list(@PathParam("urn") String urn) {
        caller.requireSchool(urn);
        return PurposeList.of(purposes.list(urn));
    }

    @GET
    @Path("{code}")
    @RolesAllowed({
        Roles.DPO,
        Roles.SCHOOL_ADMIN,
        Roles.STAFF,
        Roles.SAFEGUARDING_LEAD,
        Roles.PARENT,
        Roles.PUPIL,
        Roles.MIS,
        Roles.AUDITOR
    })
    @Operation(summary = "Read a purpose and every wording it had")
    @APIResponse(
            responseCode = "200",
            description = "The purpose, with its current version as ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PurposeDetail.class)))
    @APIResponse(responseCode = "404", description = "No such purpose")
    public Response get(@PathParam("urn") String urn, @PathParam("code") String code) {
        caller.requireSchool(urn);
        PurposeDetail detail = PurposeDetail.of(purposes.detail(urn, code));
        return Response.ok(detail)
                .header(HttpHeaders.ETAG, ETags.of(detail.purpose().currentVersion()))
                .build();
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Add a consent purpose (Idempotency-Key accepted)")
    @APIResponse(
            responseCode = "201",
            description = "The new purpose",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PurposeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid purpose")
    @APIResponse(
            responseCode = "409",
            description = "The code exists already, or the Idempotency-Key was used with another body")
    public Response create(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull PurposeRequest request) {
        caller.requireSchool(urn);
        return idempotency.execute(caller.subject(), key, "POST /api/v1/schools/" + urn + "/purposes", request, () -> {
            PurposeView created = PurposeView.of(purposes.create(urn, request, caller));
            return Response.created(URI.create("/api/v1/schools/" + urn + "/purposes/" + created.code()))
                    .entity(created)
                    .build();
        });
    }

    @POST
    @Path("{code}/versions")
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary =
                    "Reword a purpose (If-Match: the current version); with requiresReconsent older consents stop counting; emits purpose.reworded")
    @APIResponse(
            responseCode = "201",
            description = "The purpose with its new wording",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PurposeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid wording")
    @APIResponse(responseCode = "404", description = "No such purpose")
    @APIResponse(responseCode = "412", description = "Reworded by someone else meanwhile")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response reword(
            @PathParam("urn") String urn,
            @PathParam("code") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RewordRequest request) {
        caller.requireSchool(urn);
        PurposeView reworded = PurposeView.of(purposes.reword(urn, code, ifMatch, request, caller));
        return Response.created(URI.create("/api/v1/schools/" + urn + "/purposes/" + code))
                .entity(reworded)
                .header(HttpHeaders.ETAG, ETags.of(reworded.currentVersion()))
                .build();
    }
}
