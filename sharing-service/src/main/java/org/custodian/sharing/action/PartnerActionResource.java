package org.custodian.sharing.action;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Set;
import org.custodian.platform.http.ETags;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Roles;
import org.custodian.sharing.action.ActionRules.Acknowledgement;
import org.custodian.sharing.action.ActionRules.Closure;
import org.custodian.sharing.action.ActionRules.Dispute;
import org.custodian.sharing.actionkind.ActionKind;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Partner actions: what partners were asked to do about a pupil, and their answers. A {@code partner} token whose
 * {@code sub} is the recipient id sees and answers only its own actions (anything else is a 404); the DPO and school
 * administrators see them all, per partner and per pupil, and the DPO may close one by hand.
 */
@Path("/api/v1/schools/{urn}/partner-actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partner actions")
public class PartnerActionResource {

    private final PageRequests pageRequests;
    private final PartnerActionService service;

    PartnerActionResource(PageRequests pageRequests, PartnerActionService service) {
        this.pageRequests = pageRequests;
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARTNER})
    @Operation(
            summary =
                    "List partner actions, newest first (a partner sees only its own); filter by status (comma-separated), recipient, pupil, kind")
    @APIResponse(responseCode = "200", description = "A page of actions")
    @APIResponse(responseCode = "400", description = "Bad status, kind, id, limit or cursor")
    @APIResponse(responseCode = "404", description = "A partner asked for another recipient's actions")
    public Page<ActionView> list(
            @PathParam("urn") String urn,
            @Parameter(
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ActionStatus.class),
                            explode = Explode.FALSE,
                            description = "One status or several, comma-separated")
                    @QueryParam("status")
                    String status,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("recipientId")
                    String recipientId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^" + Params.PERSON_ID + "$"))
                    @QueryParam("pupilId")
                    String pupilId,
            @Parameter(schema = @Schema(implementation = ActionKind.class)) @QueryParam("kind") String kind,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = pageRequests.of(limit, cursor);
        return service.list(
                urn,
                recipientId == null ? null : Params.uuid("recipientId", recipientId),
                pupilId == null ? null : Params.personId("pupilId", pupilId),
                statuses(status),
                Params.enumValue("kind", kind, ActionKind.class),
                page);
    }

    @GET
    @Path("by-recipient")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "The DPO's view per partner: how many actions are open, acknowledged, overdue, disputed, completed and closed (unresolved=true: only partners with actions still open or disputed)")
    @APIResponse(
            responseCode = "200",
            description = "A page of partners, by name, with their counts and the earliest due date still waiting")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<RecipientSummary> byRecipient(
            @PathParam("urn") String urn,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("unresolved")
                    String unresolved,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return service.byRecipient(urn, flag(unresolved, "unresolved"), pageRequests.of(limit, cursor));
    }

    @GET
    @Path("by-pupil")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "The DPO's view per pupil: how many actions about each pupil stand in each status (unresolved=true: only pupils with actions still open or disputed)")
    @APIResponse(
            responseCode = "200",
            description = "A page of pupils, by id, with their counts and the earliest due date still waiting")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<PupilSummary> byPupil(
            @PathParam("urn") String urn,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("unresolved")
                    String unresolved,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return service.byPupil(urn, flag(unresolved, "unresolved"), pageRequests.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARTNER})
    @Operation(summary = "Read one partner action (ETag for the DPO's closing)")
    @APIResponse(
            responseCode = "200",
            description = "The action, its answers and the URLs to answer it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed id")
    @APIResponse(responseCode = "404", description = "No such action (or not the partner's own)")
    public Response get(@PathParam("urn") String urn, @PathParam("id") String id) {
        return ok(new PartnerActionService.Answer(service.get(urn, Params.uuid("id", id)), false));
    }

    @POST
    @Path("{id}/acknowledgement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "The partner acknowledges the action (idempotent: the same body again gives the same result)")
    @APIResponse(
            responseCode = "200",
            description = "Acknowledged (Idempotent-Replayed: true when it already was, with this note)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed id or body")
    @APIResponse(responseCode = "404", description = "No such action (or not the partner's own)")
    @APIResponse(
            responseCode = "409",
            description = "Already acknowledged with another note, or the action is finished")
    @APIResponse(responseCode = "412", description = "If-Match sent and stale")
    public Response acknowledge(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "acknowledgement", value = """
                                        {"note": "Ticket PRIV-2291 raised; we will confirm when done"}
                                        """)))
                    @Valid
                    AcknowledgementRequest request) {
        return answer(urn, id, new Acknowledgement(request == null ? null : request.note()), ifMatch, false);
    }

    @POST
    @Path("{id}/completion")
    @RolesAllowed(Roles.PARTNER)
    @Operation(
            summary =
                    "The partner says what it did: when, how (deleted, anonymised, corrected, restricted), to how many records, and its own reference")
    @APIResponse(
            responseCode = "200",
            description = "Completed (Idempotent-Replayed: true when this completion was recorded before)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActionView.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Unknown outcome, an outcome that does not answer this kind of action, a time in the future, a bad count")
    @APIResponse(responseCode = "404", description = "No such action (or not the partner's own)")
    @APIResponse(responseCode = "409", description = "Completed with another answer before, or disputed or closed")
    @APIResponse(responseCode = "412", description = "If-Match sent and stale")
    public Response complete(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "deleted", value = """
                                     {"performedAt": "2026-12-01T10:30:00Z", "outcome": "DELETED", "recordCount": 14,
                                      "reference": "PRIV-2291", "note": "Pupil account and activity history deleted"}
                                     """))) @Valid @NotNull
                    CompletionRequest request) {
        return answer(urn, id, request, ifMatch, false);
    }

    @POST
    @Path("{id}/dispute")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "The partner disputes the action, with a reason (e.g. a legal obligation of its own)")
    @APIResponse(
            responseCode = "200",
            description = "Disputed (Idempotent-Replayed: true when this dispute was recorded before)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "Missing or too short a reason")
    @APIResponse(responseCode = "404", description = "No such action (or not the partner's own)")
    @APIResponse(responseCode = "409", description = "Disputed with another reason before, or completed or closed")
    @APIResponse(responseCode = "412", description = "If-Match sent and stale")
    public Response dispute(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "legal obligation", value = """
                                    {"reason": "We must keep exam entries for six years under the awarding body's regulations",
                                     "legalReference": "Ofqual General Conditions of Recognition, H2"}
                                    """)))
                    @Valid
                    @NotNull
                    DisputeRequest request) {
        return answer(urn, id, new Dispute(request.reason(), request.legalReference()), ifMatch, false);
    }

    @POST
    @Path("{id}/closure")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "The DPO closes an action by hand with a note (e.g. confirmed by phone); send If-Match")
    @APIResponse(
            responseCode = "200",
            description = "Closed (Idempotent-Replayed: true when it was closed with this note before)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "Missing or too short a note")
    @APIResponse(responseCode = "404", description = "No such action in this school")
    @APIResponse(responseCode = "409", description = "Already completed, or closed with another note")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response close(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "by phone", value = """
                                  {"note": "Their DPO confirmed deletion by phone on 3 December; email on file"}
                                  """))) @Valid @NotNull
                    ClosureRequest request) {
        return answer(urn, id, new Closure(request.note()), ifMatch, true);
    }

    private static boolean flag(String value, String field) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw Problems.invalid(field, "true or false");
    }

    static Set<ActionStatus> statuses(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<ActionStatus> statuses = EnumSet.noneOf(ActionStatus.class);
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                statuses.add(Params.enumValue("status", s.strip(), ActionStatus.class));
            }
        }
        return statuses;
    }

    private Response answer(String urn, String id, Object answer, String ifMatch, boolean ifMatchRequired) {
        return ok(service.answer(urn, Params.uuid("id", id), answer, ifMatch, ifMatchRequired));
    }

    private static Response ok(PartnerActionService.Answer answer) {
        Response.ResponseBuilder response = Response.ok(answer.action())
                .header(HttpHeaders.ETAG, ETags.of(answer.action().version()));
        if (answer.replayed()) {
            response.header(IdempotencyKeys.REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
