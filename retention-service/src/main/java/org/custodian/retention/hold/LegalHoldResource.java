package org.custodian.retention.hold;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.time.LegalTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Legal holds: while one applies, the records it covers never enter a disposal batch. */
@Path("/api/v1/schools/{urn}/legal-holds")
@Tag(name = "Legal holds", description = "Stop disposal of a school's, a pupil's or a record class's records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LegalHoldResource {

    public record PlaceHoldRequest(
            @NotNull HoldScope scope,
            @Size(min = 1, max = 64) String pupilId,
            @Size(min = 1, max = 64) String recordClass,
            @NotBlank @Size(max = 2000) String reason,
            @NotBlank @Size(max = 200) String reference,
            LocalDate endsOn) {}

    public record LegalHoldView(
            UUID id,
            HoldScope scope,
            @Schema(nullable = true) String pupilId,
            @Schema(nullable = true) String recordClass,
            String reason,
            @Schema(nullable = true) String reference,
            String placedBy,
            Instant placedAt,
            @Schema(nullable = true) LocalDate endsOn,
            LegalHold.HoldStatus status,
            @Schema(nullable = true) Instant releasedAt,
            @Schema(nullable = true) String releasedBy,
            @Schema(nullable = true) String releaseReason) {
        static LegalHoldView of(LegalHold h, LocalDate today) {
            return new LegalHoldView(
                    h.id(),
                    h.scope(),
                    h.pupilId(),
                    h.classCode(),
                    h.reason(),
                    h.reference(),
                    h.placedBy(),
                    h.placedAt(),
                    h.endsOn(),
                    h.statusOn(today),
                    h.releasedAt(),
                    h.releasedBy(),
                    h.releaseReason());
        }
    }

    private final Caller caller;
    private final PageRequests pageRequests;
    private final LegalHoldService holds;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public LegalHoldResource(
            Caller caller,
            PageRequests pageRequests,
            LegalHoldService holds,
            IdempotencyKeys idempotency,
            Clock clock) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.holds = holds;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Place a legal hold on the whole school, one pupil or one record class")
    @APIResponse(
            responseCode = "201",
            description = "The hold; legal-hold.placed is emitted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LegalHoldView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Bad scope, missing reason or reference, end date in the past, unknown record class")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used with another request")
    public Response place(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            examples = @ExampleObject(name = "an inquiry", value = """
                                  {"scope": "RECORD_CLASS", "recordClass": "CHILD_PROTECTION", "reason": "A national inquiry asks schools not to destroy safeguarding files", "reference": "INQ-2026-01"}""")))
                    @Valid
                    @NotNull
                    PlaceHoldRequest request) {
        caller.requireSchool(urn);
        return idempotency.execute(
                caller.subject(), idempotencyKey, "POST /api/v1/schools/" + urn + "/legal-holds", request, () -> {
                    LegalHold hold = holds.place(
                            caller,
                            urn,
                            request.scope(),
                            request.pupilId(),
                            request.recordClass(),
                            request.reason(),
                            request.reference(),
                            request.endsOn());
                    return Response.created(URI.create("/api/v1/schools/" + urn + "/legal-holds/" + hold.id()))
                            .entity(LegalHoldView.of(hold, LegalTime.today(clock)))
                            .build();
                });
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "List the school's legal holds, newest first")
    @APIResponse(responseCode = "200", description = "A page of holds")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<LegalHoldView> list(
            @PathParam("urn") String urn,
            @Parameter(
                            description = "true: only holds not yet released",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("active")
                    String active,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        if (active != null && !active.equals("true") && !active.equals("false")) {
            throw Problems.invalid("active", "true or false");
        }
        LocalDate day = LegalTime.today(clock);
        return holds.list(urn, "true".equals(active), page).map(h -> LegalHoldView.of(h, day));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Read one legal hold")
    @APIResponse(responseCode = "200", description = "The hold")
    @APIResponse(responseCode = "404", description = "No such hold in this school")
    public LegalHoldView get(@PathParam("urn") String urn, @PathParam("id") String id) {
        caller.requireSchool(urn);
        LegalHold hold = holds.get(urn, Params.pathId(id, "legal hold"));
        return LegalHoldView.of(hold, LegalTime.today(clock));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Release a legal hold (it stays on record as released)")
    @APIResponse(responseCode = "200", description = "The released hold; legal-hold.released is emitted")
    @APIResponse(responseCode = "400", description = "Reason too long")
    @APIResponse(responseCode = "404", description = "No such hold in this school")
    @APIResponse(responseCode = "409", description = "Already released or ended")
    public LegalHoldView release(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @Parameter(
                            description = "why the hold is released",
                            extensions = @Extension(name = "x-custodian-free-text", value = "true", parseValue = true))
                    @QueryParam("reason")
                    String reason) {
        caller.requireSchool(urn);
        if (reason != null && reason.length() > 2000) {
            throw Problems.invalid("reason", "at most 2000 characters");
        }
        LegalHold released = holds.release(caller, urn, Params.pathId(id, "legal hold"), reason);
        return LegalHoldView.of(released, LegalTime.today(clock));
    }
}
