package org.custodian.sar.request;

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
import java.net.URI;
import java.util.UUID;
import java.util.function.Supplier;
import org.custodian.platform.http.ETags;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.sar.request.RequestDtos.RequestSummary;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rights requests and complaints: creating them, the DPO's lists, and each lifecycle step as a sub-resource action
 * that records who, when and why and returns the request with its recomputed deadline.
 */
@Path("/api/v1/schools/{urn}/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Requests",
        description = "Data-subject rights requests and data-protection complaints, with their statutory deadlines")
public class RequestResource {

    private final Caller caller;
    private final PageRequests pageRequests;
    private final RequestService requests;
    private final IdempotencyKeys idempotency;

    public RequestResource(
            Caller caller, PageRequests pageRequests, RequestService requests, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.requests = requests;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARENT, Roles.PUPIL})
    @Operation(
            summary =
                    "Make a rights request or complaint (parents and pupils for themselves and their own children; staff for anyone on the roster)")
    @APIResponse(
            responseCode = "201",
            description = "The request, with its deadline",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body: unknown type, wrong subject type, future received date, ...")
    @APIResponse(responseCode = "404", description = "A parent or pupil named a child or guardian who is not theirs")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    @APIResponse(
            responseCode = "422",
            description =
                    "Not on the roster, no parental responsibility, the child's agreement missing, or no educational-record right at this school")
    @APIResponse(responseCode = "429", description = "A parent or pupil reached today's limit of requests (audited)")
    public Response create(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull RequestDtos.CreateRequest body) {
        caller.requireSchool(urn);
        return idempotency.execute(
                caller.subject(), idempotencyKey, "POST /api/v1/schools/" + urn + "/requests", body, () -> {
                    RequestDtos.RequestView created = requests.create(urn, body);
                    return Response.created(URI.create("/api/v1/schools/" + urn + "/requests/" + created.id()))
                            .entity(created)
                            .header(HttpHeaders.ETAG, ETags.of(created.version()))
                            .build();
                });
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR, Roles.PARENT, Roles.PUPIL})
    @Operation(summary = "List requests, newest first (parents and pupils: their own)")
    @APIResponse(responseCode = "200", description = "A page of requests")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    public Page<RequestSummary> list(
            @PathParam("urn") String urn,
            @Parameter(schema = @Schema(implementation = RequestStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = RequestType.class)) @QueryParam("type") String type,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^" + Params.PERSON_ID + "$"))
                    @QueryParam("pupilId")
                    String pupilId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("dueBefore")
                    String dueBefore,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        RequestFilter filter = new RequestFilter(
                Params.enumValue("status", status, RequestStatus.class),
                Params.enumValue("type", type, RequestType.class),
                pupilId,
                Params.date("dueBefore", dueBefore),
                null,
                null);
        return requests.list(urn, filter, page);
    }

    @GET
    @Path("due")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(
            summary =
                    "The DPO's dashboard: open requests whose next deadline falls within the period (default P7D), overdue ones first")
    @APIResponse(responseCode = "200", description = "A page of requests, soonest deadline first")
    @APIResponse(responseCode = "400", description = "Bad period, limit or cursor")
    public Page<RequestSummary> due(
            @PathParam("urn") String urn,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            format = "duration",
                                            pattern = "^P[0-9]{1,3}D$",
                                            defaultValue = "P7D"),
                            description = "An ISO-8601 period of 0 to 366 days (default P7D)")
                    @QueryParam("within")
                    String within,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        int days = Params.days("within", within, 7, 366);
        return requests.due(urn, days, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR, Roles.PARENT, Roles.PUPIL})
    @Operation(summary = "Read a request with its deadline (and how it was worked out), next steps and history")
    @APIResponse(
            responseCode = "200",
            description = "The request; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request, or not the caller's")
    public Response get(@PathParam("urn") String urn, @PathParam("id") String id) {
        caller.requireSchool(urn);
        return ok(requests.read(urn, Params.pathId(id, "request")));
    }

    @POST
    @Path("{id}/identity-verification")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "Ask for identity (REQUIRED: the clock waits), confirm it (CONFIRMED: the clock starts then) or start without (NOT_REQUIRED)")
    @APIResponse(
            responseCode = "200",
            description = "The request with its recomputed deadline",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or date")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Not possible in the request's status")
    @APIResponse(responseCode = "412", description = "If-Match does not match the request's version")
    public Response identity(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RequestDtos.IdentityVerification body) {
        return step(urn, id, key, "identity-verification", body, () -> requests.identity(urn, uuid(id), ifMatch, body));
    }

    @POST
    @Path("{id}/clarification-requests")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Record that clarification was asked for: the clock pauses until the answer arrives")
    @APIResponse(
            responseCode = "200",
            description = "The request, clock paused",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or date")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Not possible in the request's status, or the deadline has passed")
    @APIResponse(responseCode = "412", description = "If-Match does not match the request's version")
    public Response askClarification(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RequestDtos.ClarificationRequest body) {
        return step(
                urn,
                id,
                key,
                "clarification-requests",
                body,
                () -> requests.askClarification(urn, uuid(id), ifMatch, body));
    }

    @POST
    @Path("{id}/clarification-responses")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "Record the requester's clarification: the clock resumes, the deadline moves on by the days it waited")
    @APIResponse(
            responseCode = "200",
            description = "The request with its recomputed deadline",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or date")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "No clarification is awaited")
    @APIResponse(responseCode = "412", description = "If-Match does not match the request's version")
    public Response answerClarification(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RequestDtos.ClarificationResponse body) {
        return step(
                urn,
                id,
                key,
                "clarification-responses",
                body,
                () -> requests.answerClarification(urn, uuid(id), ifMatch, body));
    }

    @POST
    @Path("{id}/fee-requests")
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary =
                    "Ask for a reasonable fee (manifestly unfounded or excessive requests, or further copies only): the clock starts when it is paid")
    @APIResponse(
            responseCode = "200",
            description = "The request, awaiting the fee; the response record carries the right to complain to the ICO",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or date")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(
            responseCode = "409",
            description = "Not possible in the request's status, or a fee was already asked for")
    @APIResponse(responseCode = "412", description = "If-Match does not match the request's version")
    public Response requestFee(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RequestDtos.FeeRequest body) {
        return step(urn, id, key, "fee-requests", body, () -> requests.requestFee(urn, uuid(id), ifMatch, body));
    }

    @POST
    @Path("{id}/fee-payments")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Record that the fee was received: the clock starts")
    @APIResponse(
            responseCode = "200",
            description = "The request with its deadline",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or date")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "No fee is awaited")
    @APIResponse(responseCode = "412", description = "If-Match does not match the request's version")
    public Response payFee(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RequestDtos.FeePayment body) {
        return step(urn, id, key, "fee-payments", body, () -> requests.payFee(urn, uuid(id), ifMatch, body));
    }

    @POST
    @Path("{id}/extension")
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary =
                    "Extend by two further months (complex or numerous requests); the requester must have been told within the first month")
    @APIResponse(
            responseCode = "200",
            description = "The request with its extended deadline",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or date")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(
            responseCode = "409",
            description =
                    "Not in progress, not extendable (educational record, complaint), already extended, or told after the first month")
    @APIResponse(responseCode = "412", description = "If-Match does not match the request's version")
    public Response extend(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RequestDtos.Extension body) {
        return step(urn, id, key, "extension", body, () -> requests.extend(urn, uuid(id), ifMatch, body));
    }

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Acknowledge a complaint (required within 30 days of receipt, DPA 2018 s.164A)")
    @APIResponse(
            responseCode = "200",
            description = "The complaint, acknowledged",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or date")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Not a complaint, closed, or already acknowledged")
    @APIResponse(responseCode = "412", description = "If-Match does not match the request's version")
    public Response acknowledge(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RequestDtos.Acknowledgement body) {
        return step(urn, id, key, "acknowledgement", body, () -> requests.acknowledge(urn, uuid(id), ifMatch, body));
    }

    @POST
    @Path("{id}/completion")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "Complete the request (access, portability, educational record: the bundle must be complete; complaint: the answer)")
    @APIResponse(
            responseCode = "200",
            description = "The request, completed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or date")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(
            responseCode = "409",
            description = "Not in progress, answered by a decision, or the bundle is missing or incomplete")
    @APIResponse(responseCode = "412", description = "If-Match does not match the request's version")
    public Response complete(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RequestDtos.Completion body) {
        return step(urn, id, key, "completion", body, () -> requests.complete(urn, uuid(id), ifMatch, body));
    }

    @POST
    @Path("{id}/refusal")
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary =
                    "Refuse a manifestly unfounded or excessive request, with the reason and the right to complain to the ICO")
    @APIResponse(
            responseCode = "200",
            description = "The request, refused",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or date")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Not possible in the request's status")
    @APIResponse(responseCode = "412", description = "If-Match does not match the request's version")
    public Response refuse(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RequestDtos.Refusal body) {
        return step(urn, id, key, "refusal", body, () -> requests.refuse(urn, uuid(id), ifMatch, body));
    }

    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARENT, Roles.PUPIL})
    @Operation(summary = "Withdraw a request (the requester, or staff on the requester's word)")
    @APIResponse(
            responseCode = "200",
            description = "The request, withdrawn",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or date")
    @APIResponse(responseCode = "404", description = "No such request, or not the caller's")
    @APIResponse(responseCode = "409", description = "Already closed")
    @APIResponse(responseCode = "412", description = "If-Match does not match the request's version")
    public Response withdraw(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RequestDtos.Withdrawal body) {
        return step(urn, id, key, "withdrawal", body, () -> requests.withdraw(urn, uuid(id), ifMatch, body));
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary =
                    "Decide a rectification, erasure, restriction or objection request; an upheld right is published for sharing- and retention-service")
    @APIResponse(
            responseCode = "200",
            description = "The request, completed (or refused with the exemption)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Invalid decision: a refusal without its exemption, a refused direct-marketing objection, ...")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Not in progress, or not a request answered by a decision")
    @APIResponse(responseCode = "412", description = "If-Match does not match the request's version")
    public Response decide(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RequestDtos.Decision body) {
        return step(urn, id, key, "decision", body, () -> requests.decide(urn, uuid(id), ifMatch, body));
    }

    @POST
    @Path("{id}/restriction-lift")
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary =
                    "Lift a restriction of processing that was put in place (the requester must have been told first, Art. 18(3))")
    @APIResponse(
            responseCode = "200",
            description = "The request, with the lift recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequestDtos.RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or date")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Not an approved restriction, or already lifted")
    @APIResponse(responseCode = "412", description = "If-Match does not match the request's version")
    public Response liftRestriction(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RequestDtos.RestrictionLift body) {
        return step(
                urn, id, key, "restriction-lift", body, () -> requests.liftRestriction(urn, uuid(id), ifMatch, body));
    }

    private Response step(
            String urn, String id, String key, String action, Object body, Supplier<RequestDtos.RequestView> perform) {
        caller.requireSchool(urn);
        uuid(id);
        return idempotency.execute(
                caller.subject(),
                key,
                "POST /api/v1/schools/" + urn + "/requests/" + id + "/" + action,
                body,
                () -> ok(perform.get()));
    }

    private static Response ok(RequestDtos.RequestView view) {
        return Response.ok(view)
                .header(HttpHeaders.ETAG, ETags.of(view.version()))
                .build();
    }

    private static UUID uuid(String id) {
        return Params.pathId(id, "request");
    }
}
