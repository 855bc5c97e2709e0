package org.custodian.sharing.action;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.custodian.platform.http.ETags;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.security.Visibility;
import org.custodian.sharing.action.ActionRules.Acknowledgement;
import org.custodian.sharing.action.ActionRules.Closure;
import org.custodian.sharing.action.ActionRules.Completion;
import org.custodian.sharing.action.ActionRules.Dispute;
import org.custodian.sharing.action.PartnerActionRepository.Counts;
import org.custodian.sharing.action.PartnerActionRepository.Filter;
import org.custodian.sharing.school.SchoolScope;
import org.custodian.sharing.support.Clocks;
import org.custodian.sharing.support.Ids;
import org.custodian.sharing.support.PartnerScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    public record AcknowledgementRequest(@Size(max = 2000) String note) {}

    public record CompletionRequest(
            @NotNull Instant performedAt,
            @NotNull CompletionOutcome outcome,
            @NotNull @Min(0) @Max(1_000_000_000) Long recordCount,
            @NotBlank @Size(max = 200) String reference,
            @Size(max = 2000) String note) {}

    public record DisputeRequest(
            @NotBlank @Size(min = 10, max = 4000) String reason,
            @Size(max = 500) String legalReference) {}

    public record ClosureRequest(
            @NotBlank @Size(min = 5, max = 4000) String note) {}

    public record CompletionView(
            Instant performedAt,
            CompletionOutcome outcome,
            long recordCount,
            String reference,
            String note,
            Instant recordedAt) {}

    public record DisputeView(String reason, String legalReference, Instant recordedAt) {}

    public record ClosureView(String note, String closedBy, Instant closedAt) {}

    public record ActionView(
            UUID id,
            UUID recipientId,
            String recipientName,
            String pupilId,
            ActionKind kind,
            String whatToDo,
            Set<CompletionOutcome> outcomes,
            String causeType,
            String causeReference,
            String messageId,
            Instant deliveredAt,
            List<String> dataCategories,
            ActionStatus status,
            Instant openedAt,
            LocalDate dueBy,
            boolean late,
            Instant acknowledgedAt,
            String acknowledgementNote,
            CompletionView completion,
            DisputeView dispute,
            Instant overdueSince,
            int reminders,
            Instant lastReminderAt,
            ClosureView closure,
            Map<String, String> urls,
            long version) {}

    public record RecipientSummary(UUID recipientId, String recipientName, Counts actions) {}

    public record PupilSummary(String pupilId, Counts actions) {}

    /** Nobody's recipient id: a partner token whose sub is not a recipient id sees nothing. */
    private static final UUID NOBODY = new UUID(0, 0);

    @Inject
    SchoolScope school;

    @Inject
    PageRequests pageRequests;

    @Inject
    Caller caller;

    @Inject
    PartnerActionRepository repository;

    @Inject
    PartnerActions actions;

    @Inject
    PartnerActionLinks links;

    @Inject
    Clock clock;

    @GET
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARTNER})
    @Operation(
            summary =
                    "List partner actions, newest first (a partner sees only its own); filter by status (comma-separated), recipient, pupil, kind")
    @APIResponse(responseCode = "200", description = "A page of actions")
    @APIResponse(responseCode = "400", description = "Bad status, kind, id, limit or cursor")
    @APIResponse(responseCode = "404", description = "A partner asked for another recipient's actions")
    public Page<ActionView> list(
            @PathParam("urn") String urn,
            @QueryParam("status") String status,
            @QueryParam("recipientId") String recipientId,
            @QueryParam("pupilId") String pupilId,
            @QueryParam("kind") String kind,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        school.open(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        UUID recipient = recipientId == null ? null : Ids.uuid(recipientId, "recipientId");
        Optional<UUID> own = partner();
        if (own.isPresent()) {
            if (recipient != null && !recipient.equals(own.get())) {
                throw Problems.notFound("no recipient with that id");
            }
            recipient = own.get();
        }
        Filter filter = new Filter(
                recipient,
                pupilId == null ? null : Ids.pupil(pupilId, "pupilId"),
                statuses(status),
                Ids.enumOf(ActionKind.class, kind, "kind"));
        LocalDate today = Clocks.today(clock);
        return repository.page(urn, filter, page).map(a -> view(a, today));
    }

    @GET
    @Path("by-recipient")
    @Transactional
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
            @QueryParam("unresolved") String unresolved,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        school.open(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        return repository
                .byRecipient(urn, flag(unresolved, "unresolved"), page)
                .map(c -> new RecipientSummary(c.recipientId(), c.recipientName(), c.actions()));
    }

    @GET
    @Path("by-pupil")
    @Transactional
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
            @QueryParam("unresolved") String unresolved,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        school.open(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        return repository
                .byPupil(urn, flag(unresolved, "unresolved"), page)
                .map(c -> new PupilSummary(c.pupilId(), c.actions()));
    }

    @GET
    @Path("{id}")
    @Transactional
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
        school.open(urn);
        PartnerAction action =
                Visibility.visibleOrNotFound(repository.find(urn, Ids.uuid(id, "id")), visible(), "partner action");
        return ok(action, false);
    }

    @POST
    @Path("{id}/acknowledgement")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "The partner acknowledges the action (idempotent: the same body again gives the same result)")
    @APIResponse(
            responseCode = "200",
            description = "Acknowledged (Idempotent-Replayed: true when it already was, with this note)")
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
    @Transactional
    @RolesAllowed(Roles.PARTNER)
    @Operation(
            summary =
                    "The partner says what it did: when, how (deleted, anonymised, corrected, restricted), to how many records, and its own reference")
    @APIResponse(
            responseCode = "200",
            description = "Completed (Idempotent-Replayed: true when this completion was recorded before)")
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
        return answer(
                urn,
                id,
                new Completion(
                        request.performedAt(),
                        request.outcome(),
                        request.recordCount(),
                        request.reference(),
                        request.note()),
                ifMatch,
                false);
    }

    @POST
    @Path("{id}/dispute")
    @Transactional
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "The partner disputes the action, with a reason (e.g. a legal obligation of its own)")
    @APIResponse(
            responseCode = "200",
            description = "Disputed (Idempotent-Replayed: true when this dispute was recorded before)")
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
    @Transactional
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "The DPO closes an action by hand with a note (e.g. confirmed by phone); send If-Match")
    @APIResponse(
            responseCode = "200",
            description = "Closed (Idempotent-Replayed: true when it was closed with this note before)")
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

    private Response answer(String urn, String id, Object answer, String ifMatch, boolean ifMatchRequired) {
        school.open(urn);
        PartnerActions.Answered answered =
                actions.answer(urn, Ids.uuid(id, "id"), visible(), answer, ifMatch, ifMatchRequired);
        return ok(answered.action(), answered.replayed());
    }

    private Response ok(PartnerAction action, boolean replayed) {
        Response.ResponseBuilder response =
                Response.ok(view(action, Clocks.today(clock))).header(HttpHeaders.ETAG, ETags.of(action.version()));
        if (replayed) {
            response.header(IdempotencyKeys.REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    /** The recipient a partner-only caller is limited to. */
    private Optional<UUID> partner() {
        return PartnerScope.of(caller).map(sub -> {
            try {
                return Ids.uuid(sub, "sub");
            } catch (RuntimeException notARecipient) {
                return NOBODY;
            }
        });
    }

    private Predicate<PartnerAction> visible() {
        Optional<UUID> own = partner();
        return a -> own.isEmpty() || own.get().equals(a.recipientId());
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

    private static Set<ActionStatus> statuses(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<ActionStatus> statuses = EnumSet.noneOf(ActionStatus.class);
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                statuses.add(Ids.enumOf(ActionStatus.class, s.strip(), "status"));
            }
        }
        return statuses;
    }

    ActionView view(PartnerAction a, LocalDate today) {
        Instant finished = a.finishedAt();
        LocalDate answeredOn =
                finished == null ? today : finished.atZone(Clocks.LONDON).toLocalDate();
        return new ActionView(
                a.id(),
                a.recipientId(),
                a.recipientName(),
                a.pupilId(),
                a.kind(),
                a.kind().description(),
                a.kind().outcomes(),
                a.causeType(),
                a.causeReference(),
                a.messageId(),
                a.deliveredAt(),
                a.dataCategories(),
                a.status(),
                a.openedAt(),
                a.dueOn(),
                answeredOn.isAfter(a.dueOn()),
                a.acknowledgedAt(),
                a.acknowledgement() == null ? null : a.acknowledgement().note(),
                a.completion() == null
                        ? null
                        : new CompletionView(
                                a.completion().performedAt(),
                                a.completion().outcome(),
                                a.completion().recordCount(),
                                a.completion().reference(),
                                a.completion().note(),
                                a.completedAt()),
                a.dispute() == null
                        ? null
                        : new DisputeView(a.dispute().reason(), a.dispute().legalReference(), a.disputedAt()),
                a.overdueSince(),
                a.reminders(),
                a.lastReminderAt(),
                a.closure() == null ? null : new ClosureView(a.closure().note(), a.closedBy(), a.closedAt()),
                links.urls(a.schoolUrn(), a.id()),
                a.version());
    }
}
