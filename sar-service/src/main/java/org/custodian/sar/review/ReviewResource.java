package org.custodian.sar.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.sar.review.ThirdPartyRules.Category;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The DPO's review of what an assembled response says about other people (UK GDPR Art. 15(4), DPA 2018 Sch. 2
 * para 16): each item, where it appears and what the requester would receive; and the decision on one.
 */
@Path("/api/v1/schools/{urn}/requests/{id}/bundle/review-items")
@Tag(name = "Responses", description = "The Art. 15 response bundle: JSON and PDF")
public class ReviewResource {

    private static final int SHOWN_POINTERS = 20;

    /** An item as the DPO sees it: the third party's text, where it appears (the first 20 places), the decision. */
    public record ReviewItemView(
            UUID id,
            Category category,
            String label,
            String text,
            List<String> sources,
            int occurrences,
            List<String> where,
            boolean restricted,
            ReviewState state,
            @Schema(nullable = true) Exemption exemption,
            @Schema(nullable = true) String citation,
            @Schema(nullable = true) String reason,
            @Schema(nullable = true) String redactedText,
            @Schema(nullable = true) String releasedAs,
            @Schema(nullable = true) String decidedBy,
            @Schema(nullable = true) String decidedRole,
            @Schema(nullable = true) Instant decidedAt) {

        static ReviewItemView of(ReviewItem i) {
            String replacement = ReleaseRules.replacement(i);
            String releasedAs = replacement == null
                    ? i.text()
                    : i.category().insideText() ? "each mention of it becomes " + replacement : replacement;
            return new ReviewItemView(
                    i.id(),
                    i.category(),
                    i.label(),
                    i.text(),
                    i.sources(),
                    i.pointers().size(),
                    i.pointers()
                            .subList(0, Math.min(SHOWN_POINTERS, i.pointers().size())),
                    i.restricted(),
                    i.state(),
                    i.exemption(),
                    i.exemption() == null ? null : i.exemption().citation(),
                    i.reason(),
                    i.redactedText(),
                    releasedAs,
                    i.decidedBy(),
                    i.decidedRole(),
                    i.decidedAt());
        }
    }

    /**
     * The DPO's decision: RELEASE, REDACT or WITHHOLD; redacting and withholding name the exemption and the reason;
     * free text is redacted by giving the text with the other people's details taken out.
     */
    public record DecisionInput(
            @NotNull ReviewState state,
            Exemption exemption,
            @Size(max = 4000) String reason,
            @Size(max = 4000) String redactedText) {}

    private final Caller caller;
    private final PageRequests pageRequests;
    private final ReviewService service;
    private final IdempotencyKeys idempotency;

    public ReviewResource(
            Caller caller, PageRequests pageRequests, ReviewService service, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "List what the assembled response says about other people, each with where it appears, what the requester "
                            + "would receive and the DPO's decision; PENDING items are withheld and block completion")
    @APIResponse(
            responseCode = "200",
            description = "A page of review items, in the order they first appear in the response")
    @APIResponse(responseCode = "400", description = "Bad state, limit or cursor")
    @APIResponse(responseCode = "404", description = "No such request")
    public Page<ReviewItemView> list(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @Parameter(
                            description = "PENDING, RELEASE, REDACT or WITHHOLD",
                            schema = @Schema(implementation = ReviewState.class))
                    @QueryParam("state")
                    String state,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        ReviewState wanted = Params.enumValue("state", state, ReviewState.class);
        PageRequest page = pageRequests.of(limit, cursor);
        return service.list(urn, Params.pathId(id, "request"), wanted, page).map(ReviewItemView::of);
    }

    @POST
    @Path("{itemId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary =
                    "Decide an item that names other people: RELEASE, REDACT or WITHHOLD (these two with the exemption and the "
                            + "reason); audited; the requester's copy changes at once (Idempotency-Key)")
    @APIResponse(
            responseCode = "200",
            description = "The item with the decision",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewItemView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid decision: PENDING, no exemption or reason to redact or withhold, an "
                    + "exemption to release, redacted text missing for free text or given for anything else")
    @APIResponse(responseCode = "404", description = "No such request or item")
    @APIResponse(
            responseCode = "409",
            description = "The request is closed, the person's link is restricted (never released), or "
                    + "Idempotency-Key reused with another body")
    public Response decide(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @PathParam("itemId") String itemId,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull DecisionInput body) {
        caller.requireSchool(urn);
        UUID requestId = Params.pathId(id, "request");
        UUID item = Params.pathId(itemId, "review item");
        return idempotency.execute(
                caller.subject(),
                key,
                "POST /api/v1/schools/" + urn + "/requests/" + id + "/bundle/review-items/" + itemId + "/decision",
                body,
                () -> Response.ok(ReviewItemView.of(service.decide(
                                urn,
                                requestId,
                                item,
                                new ReviewService.Decision(
                                        body.state(), body.exemption(), body.reason(), body.redactedText()))))
                        .build());
    }
}
