package org.custodian.sharing.override;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Emergency overrides for the DPO: the list to review (with each review's clock) and the review itself. HTTP only;
 * {@link OverrideService} owns the transaction's work, audit and events.
 */
@Path("/api/v1/schools/{urn}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Emergency overrides")
public class OverrideResource {

    private final PageRequests pageRequests;
    private final OverrideService service;

    OverrideResource(PageRequests pageRequests, OverrideService service) {
        this.pageRequests = pageRequests;
        this.service = service;
    }

    @GET
    @Path("disclosures/overrides")
    @RolesAllowed({Roles.DPO, Roles.SAFEGUARDING_LEAD, Roles.AUDITOR})
    @Operation(
            summary = "Every emergency override (a disclosure on vital interests that set aside missing consent, a "
                    + "restriction or an objection), newest first, with its justification and the DPO's review: status, last day "
                    + "(review.dueOn), working days left, outcome and note")
    @APIResponse(responseCode = "200", description = "A page of overrides with their reviews")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    public Page<OverrideView> overrides(
            @PathParam("urn") String urn,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^" + Params.PERSON_ID + "$"))
                    @QueryParam("pupilId")
                    String pupilId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("recipientId")
                    String recipientId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(
                            description = "pending (waiting for the DPO, overdue included), overdue, or reviewed",
                            schema = @Schema(enumeration = {"pending", "overdue", "reviewed"}))
                    @QueryParam("review")
                    String review,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return service.overrides(urn, pupilId, recipientId, from, to, review, pageRequests.of(limit, cursor));
    }

    @POST
    @Path("disclosures/{id}/override-review")
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary = "The DPO records whether an emergency override was justified, with a note; once (the same "
                    + "answer again changes nothing, another answer is a 409)")
    @APIResponse(
            responseCode = "200",
            description = "The override with its review (Idempotent-Replayed: true when "
                    + "this answer was recorded before)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OverrideView.class)))
    @APIResponse(responseCode = "400", description = "Malformed id, unknown outcome, missing or too short a note")
    @APIResponse(responseCode = "404", description = "No emergency override with that id in this school")
    @APIResponse(responseCode = "409", description = "Already reviewed with another outcome or note")
    public Response review(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @RequestBody(
                            content =
                                    @Content(
                                            examples = {
                                                @ExampleObject(name = "justified", value = """
                                           {"outcome": "JUSTIFIED", "note": "Spoke to the DSL: the child disclosed \
                                           immediate risk; the MASH referral could not wait for consent."}
                                           """),
                                                @ExampleObject(name = "not justified", value = """
                                           {"outcome": "NOT_JUSTIFIED", "note": "No risk to life or health; consent \
                                           should have been asked. Logged as breach B-2026-07."}
                                           """)
                                            }))
                    @Valid
                    @NotNull
                    ReviewRequest request) {
        OverrideService.Answered answered = service.review(urn, Params.uuid("id", id), request);
        Response.ResponseBuilder response = Response.ok(answered.override());
        if (answered.replayed()) {
            response.header(IdempotencyKeys.REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
