package org.custodian.retention.disposal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.retention.disposal.ApprovalPlan.Verdict;
import org.custodian.retention.schedule.DisposalAction;
import org.custodian.retention.support.Actor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Disposal batches: proposal, the DPO's review and approval, and the destruction certificate. */
@Path("/api/v1/schools/{urn}/disposal-batches")
@Tag(name = "Disposal", description = "Batches of due records, their approval and their destruction certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisposalResource {

    public record ProposeRequest(
            @Parameter(description = "propose records due on or before this day (default today; never later)")
            LocalDate dueOnOrBefore,

            @Size(max = 100) List<@NotBlank @Size(max = 64) String> recordClasses,
            @Min(1) @Max(10_000) Integer maxItems) {}

    public record ExclusionRequest(
            @NotNull UUID holdingId,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate reviewOn) {}

    @Schema(name = "DisposalDecisionRequest")
    public record DecisionRequest(
            @NotNull UUID holdingId,
            @NotNull Verdict decision,
            LocalDate reviewOn,
            @Size(max = 2000) String reason,

            @Pattern(regexp = "\\d{6}", message = "a school URN of six digits")
            String nextSchoolUrn) {}

    public record ApprovalRequest(
            @Size(max = 10_000) List<@NotNull @Valid ExclusionRequest> exclusions,
            @Size(max = 10_000) List<@NotNull @Valid DecisionRequest> decisions,
            @Size(max = 2000) String note) {}

    public record BatchSummary(
            UUID id,
            DisposalBatch.BatchStatus status,
            @Schema(nullable = true) LocalDate dueOnOrBefore,
            int itemCount,
            @Schema(nullable = true) String proposedBy,
            Instant proposedAt,
            @Schema(nullable = true) String approvedBy,
            @Schema(nullable = true) Instant approvedAt,
            @Schema(nullable = true) String approvalNote,
            @Schema(nullable = true) Instant completedAt) {
        static BatchSummary of(DisposalBatch b) {
            return new BatchSummary(
                    b.id(),
                    b.status(),
                    b.dueOnOrBefore(),
                    b.itemCount(),
                    b.proposedBy(),
                    b.proposedAt(),
                    b.approvedBy(),
                    b.approvedAt(),
                    b.approvalNote(),
                    b.completedAt());
        }
    }

    public record ItemView(
            UUID holdingId,
            String recordClass,
            @Schema(nullable = true) String pupilId,
            @Schema(nullable = true) String system,
            @Schema(nullable = true) String reference,
            @Schema(nullable = true) LocalDate createdOn,
            @Schema(nullable = true) LocalDate closedOn,
            @Schema(nullable = true) LocalDate dueOn,
            DisposalAction proposedAction,
            boolean underLegalHold,
            @Schema(nullable = true) ApprovalPlan.ItemOutcome decision,
            @Schema(nullable = true) String decisionReason,
            @Schema(nullable = true) LocalDate reviewOn,
            @Schema(nullable = true) String nextSchoolUrn,
            @Schema(nullable = true) LocalDate disposedOn,
            @Schema(nullable = true) String method,
            @Schema(nullable = true) String confirmedBy,
            @Schema(nullable = true) Instant confirmedAt) {
        static ItemView of(DisposalService.ReviewedItem reviewed) {
            DisposalItem i = reviewed.item();
            return new ItemView(
                    i.holdingId(),
                    i.classCode(),
                    i.pupilId(),
                    i.system(),
                    i.reference(),
                    i.createdOn(),
                    i.closedOn(),
                    i.dueOn(),
                    i.proposedAction(),
                    reviewed.underLegalHold(),
                    i.decision(),
                    i.decisionReason(),
                    i.reviewOn(),
                    i.nextSchoolUrn(),
                    i.disposedOn(),
                    i.method(),
                    i.confirmedBy(),
                    i.confirmedAt());
        }
    }

    public record BatchView(
            BatchSummary batch,
            Map<String, Integer> itemsByClass,
            Map<String, Integer> itemsByAction,
            Map<String, Integer> itemsByDecision,
            Page<ItemView> items) {}

    public record ApprovalView(BatchSummary batch, Map<ApprovalPlan.ItemOutcome, Integer> outcomes) {}

    private final Caller caller;
    private final PageRequests pageRequests;
    private final DisposalService disposals;
    private final IdempotencyKeys idempotency;

    public DisposalResource(
            Caller caller, PageRequests pageRequests, DisposalService disposals, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.disposals = disposals;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Propose a disposal batch of the holdings that are due and not under a legal hold")
    @APIResponse(
            responseCode = "201",
            description = "The batch; disposal.proposed is emitted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchSummary.class)))
    @APIResponse(responseCode = "400", description = "A date in the future, unknown class, bad maxItems")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used with another request")
    @APIResponse(responseCode = "422", description = "Nothing is due that is free of legal holds")
    public Response propose(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid ProposeRequest body) {
        caller.requireSchool(urn);
        ProposeRequest request = body == null ? new ProposeRequest(null, null, null) : body;
        return idempotency.execute(
                caller.subject(), idempotencyKey, "POST /api/v1/schools/" + urn + "/disposal-batches", request, () -> {
                    DisposalBatch batch = disposals.proposeNow(
                            caller, urn, request.dueOnOrBefore(), request.recordClasses(), request.maxItems());
                    return Response.created(URI.create("/api/v1/schools/" + urn + "/disposal-batches/" + batch.id()))
                            .entity(BatchSummary.of(batch))
                            .build();
                });
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "List disposal batches, newest first")
    @APIResponse(responseCode = "200", description = "A page of batches")
    @APIResponse(responseCode = "400", description = "Bad status, limit or cursor")
    public Page<BatchSummary> list(
            @PathParam("urn") String urn,
            @Parameter(
                            description = "PROPOSED, APPROVED or COMPLETED",
                            schema = @Schema(implementation = DisposalBatch.BatchStatus.class))
                    @QueryParam("status")
                    String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        DisposalBatch.BatchStatus wanted = Params.enumValue("status", status, DisposalBatch.BatchStatus.class);
        return disposals.list(urn, wanted, page).map(BatchSummary::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Review a batch: its counts and a page of its items (limit and cursor page the items)")
    @APIResponse(responseCode = "200", description = "The batch and a page of its items")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    @APIResponse(responseCode = "404", description = "No such batch in this school")
    public BatchView get(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        DisposalService.Review review = disposals.review(urn, Params.pathId(id, "disposal batch"), page);
        return new BatchView(
                BatchSummary.of(review.batch()),
                review.itemsByClass(),
                review.itemsByAction(),
                review.itemsByDecision(),
                review.items().map(ItemView::of));
    }

    @POST
    @Path("{id}/approval")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Approve a batch, with exclusions and reasons, and decisions on REVIEW and transfer items")
    @APIResponse(
            responseCode = "200",
            description = "The approved batch and what became of its items; disposal.approved is emitted per record",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApprovalView.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "An exclusion or decision for a holding not in the batch, a REVIEW item without a decision, a bad review date")
    @APIResponse(responseCode = "404", description = "No such batch in this school")
    @APIResponse(
            responseCode = "409",
            description = "Already approved, an item is under a legal hold and not excluded, "
                    + "or the Idempotency-Key was used with another request")
    public Response approve(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            examples =
                                                    @ExampleObject(
                                                            name = "approve with a decision and an exclusion",
                                                            value = """
                                    {"decisions": [
                                      {"holdingId": "6f1c2a8e-6c1b-4a55-9a7e-1f0f3b2b9d10", "decision": "KEEP",
                                       "reviewOn": "2027-09-01", "reason": "tribunal pending"},
                                      {"holdingId": "0b5f0e55-3c55-4d53-8f0a-3e3c6f7d2a11", "decision": "TRANSFER",
                                       "nextSchoolUrn": "123456"}],
                                     "exclusions": [{"holdingId": "9a0e7d3c-2f49-4f5e-b2f7-5d2f8c1e4b12",
                                                     "reason": "the family asked for a copy first"}],
                                     "note": "reviewed with the head teacher"}""")))
                    @Valid
                    ApprovalRequest body) {
        caller.requireSchool(urn);
        ApprovalRequest request = body == null ? new ApprovalRequest(null, null, null) : body;
        UUID batchId = Params.pathId(id, "disposal batch");
        List<ApprovalPlan.Exclusion> exclusions = request.exclusions() == null
                ? List.of()
                : request.exclusions().stream()
                        .map(e -> new ApprovalPlan.Exclusion(e.holdingId(), e.reason(), e.reviewOn()))
                        .toList();
        List<ApprovalPlan.Decision> decisions = request.decisions() == null
                ? List.of()
                : request.decisions().stream()
                        .map(d -> new ApprovalPlan.Decision(
                                d.holdingId(), d.decision(), d.reviewOn(), d.reason(), d.nextSchoolUrn()))
                        .toList();
        return idempotency.execute(
                caller.subject(),
                idempotencyKey,
                "POST /api/v1/schools/" + urn + "/disposal-batches/" + batchId + "/approval",
                request,
                () -> {
                    DisposalService.ApprovalResult result =
                            disposals.approve(Actor.of(caller), urn, batchId, exclusions, decisions, request.note());
                    return Response.ok(new ApprovalView(BatchSummary.of(result.batch()), result.outcomes()))
                            .build();
                });
    }

    @GET
    @Path("{id}/certificate")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "The destruction certificate of an approved batch (JSON)")
    @APIResponse(
            responseCode = "200",
            description = "The certificate: class, reference, dates, approver and confirmer of each record")
    @APIResponse(responseCode = "404", description = "No such batch in this school")
    @APIResponse(responseCode = "409", description = "The batch is not approved yet")
    public DestructionCertificate certificate(@PathParam("urn") String urn, @PathParam("id") String id) {
        caller.requireSchool(urn);
        return disposals.certificate(urn, Params.pathId(id, "disposal batch"));
    }
}
