package org.custodian.retention.holding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.time.LegalTime;
import org.custodian.retention.hold.HoldRule;
import org.custodian.retention.hold.LegalHoldService;
import org.custodian.retention.schedule.DisposalAction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The register of records held about pupils (and others) by the MIS and other systems, with their due dates. */
@Path("/api/v1/schools/{urn}/holdings")
@Tag(name = "Holdings", description = "What records exist, and when each falls due")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HoldingResource {

    public static final int MAX_BATCH = 10_000;
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}";

    public record HoldingRequest(
            @NotBlank @Size(max = 64) String recordClass,

            @Pattern(regexp = ID, message = "a pupil id of up to 64 letters, digits and ._:/-")
            String pupilId,

            @NotBlank @Size(max = 64) String system,
            @NotBlank @Size(max = 200) String reference,
            @Size(min = 1, max = 64) String purpose,
            @NotNull LocalDate createdOn,
            LocalDate closedOn) {
        Registration registration() {
            return new Registration(recordClass, pupilId, system, reference, purpose, createdOn, closedOn);
        }
    }

    public record RegisterHoldingsRequest(
            @NotNull @Size(min = 1, max = MAX_BATCH, message = "from 1 to 10000 holdings per call")
            List<@NotNull @Valid HoldingRequest> holdings) {}

    /** One registered holding: its due date, or why it has none yet. */
    public record RegisteredHolding(
            UUID id,
            String system,
            String reference,
            String recordClass,
            @Schema(nullable = true) String pupilId,
            HoldingStatus status,
            @Schema(nullable = true) LocalDate dueOn,
            @Schema(nullable = true) DisposalAction dueAction,
            @Schema(nullable = true) String waitingFor,
            HoldingService.Outcome outcome) {
        static RegisteredHolding of(HoldingService.Registered r) {
            Holding h = r.holding();
            return new RegisteredHolding(
                    h.id(),
                    h.system(),
                    h.reference(),
                    h.classCode(),
                    h.pupilId(),
                    h.status(),
                    h.due().dueOn(),
                    h.due().action(),
                    h.due().waitingFor(),
                    r.outcome());
        }
    }

    public record RegistrationResponse(int created, int updated, int unchanged, List<RegisteredHolding> items) {}

    public record HoldingView(
            UUID id,
            String recordClass,
            @Schema(nullable = true) String pupilId,
            @Schema(nullable = true) String system,
            @Schema(nullable = true) String reference,
            @Schema(nullable = true) String purpose,
            @Schema(nullable = true) LocalDate createdOn,
            @Schema(nullable = true) LocalDate closedOn,
            HoldingStatus status,
            @Schema(nullable = true) LocalDate dueOn,
            @Schema(nullable = true) DisposalAction dueAction,
            @Schema(nullable = true) String dueBecause,
            @Schema(nullable = true) String waitingFor,
            @Schema(nullable = true) String erasureNote,
            @Schema(nullable = true) LocalDate reviewOn,
            boolean onLegalHold,
            @Schema(nullable = true) UUID batchId,
            @Schema(nullable = true) String approvedAction,
            @Schema(nullable = true) LocalDate disposedOn,
            Instant registeredAt,
            @Schema(nullable = true) Instant updatedAt) {
        public static HoldingView of(Holding h, List<HoldRule> holds, LocalDate today) {
            boolean gone = h.status() == HoldingStatus.DISPOSED || h.status() == HoldingStatus.TRANSFERRED;
            boolean held = !gone && holds.stream().anyMatch(r -> r.covers(h.classCode(), h.pupilId(), today));
            return new HoldingView(
                    h.id(),
                    h.classCode(),
                    h.pupilId(),
                    h.system(),
                    h.reference(),
                    h.purpose(),
                    h.createdOn(),
                    h.closedOn(),
                    h.status(),
                    h.due().dueOn(),
                    h.due().action(),
                    h.due().because(),
                    h.due().waitingFor(),
                    h.due().erasureNote(),
                    h.reviewOn(),
                    held,
                    h.batchId(),
                    h.approvedAction(),
                    h.disposedOn(),
                    h.registeredAt(),
                    h.updatedAt());
        }
    }

    private final Caller caller;
    private final PageRequests pageRequests;
    private final HoldingService holdings;
    private final LegalHoldService holds;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public HoldingResource(
            Caller caller,
            PageRequests pageRequests,
            HoldingService holdings,
            LegalHoldService holds,
            IdempotencyKeys idempotency,
            Clock clock) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.holdings = holdings;
        this.holds = holds;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.MIS, Roles.SCHOOL_ADMIN, Roles.DPO})
    @Operation(summary = "Register a batch of up to 10,000 records held (idempotent on system and reference)")
    @APIResponse(
            responseCode = "200",
            description = "Each holding with its due date, or why it has none yet",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown record class, closed before created, a pupil class without a pupil, "
                    + "a reference twice, more than 10,000 holdings: nothing is stored")
    @APIResponse(
            responseCode = "409",
            description = "A holding was already approved for disposal or disposed of; "
                    + "or the Idempotency-Key was used with another request")
    @APIResponse(responseCode = "413", description = "Body too large")
    public Response register(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            examples = @ExampleObject(name = "two records from SIMS", value = """
                                     {"holdings": [{"recordClass": "PUPIL_RECORD_LAST_SCHOOL", "pupilId": "P-1042", "system": "SIMS", "reference": "EDU-1042", "createdOn": "2019-09-04"},
                                     {"recordClass": "ADMISSION_ATTENDANCE_REGISTERS", "system": "SIMS", "reference": "ADM-2019-0117", "createdOn": "2019-09-04"}]}""")))
                    @Valid
                    @NotNull
                    RegisterHoldingsRequest request) {
        caller.requireSchool(urn);
        return idempotency.execute(
                caller.subject(), idempotencyKey, "POST /api/v1/schools/" + urn + "/holdings", request, () -> {
                    List<HoldingService.Registered> registered = holdings.register(
                            caller,
                            urn,
                            request.holdings().stream()
                                    .map(HoldingRequest::registration)
                                    .toList());
                    int created = (int) registered.stream()
                            .filter(r -> r.outcome() == HoldingService.Outcome.CREATED)
                            .count();
                    int updated = (int) registered.stream()
                            .filter(r -> r.outcome() == HoldingService.Outcome.UPDATED)
                            .count();
                    return Response.ok(new RegistrationResponse(
                                    created,
                                    updated,
                                    registered.size() - created - updated,
                                    registered.stream()
                                            .map(RegisteredHolding::of)
                                            .toList()))
                            .build();
                });
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.MIS, Roles.AUDITOR})
    @Operation(summary = "List the register of holdings, filtered by pupil, class, due date and status")
    @APIResponse(responseCode = "200", description = "A page of holdings")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    public Page<HoldingView> list(
            @PathParam("urn") String urn,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^" + Params.PERSON_ID + "$"))
                    @QueryParam("pupilId")
                    String pupilId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^" + Params.CODE + "$"))
                    @QueryParam("recordClass")
                    String recordClass,
            @Parameter(
                            description = "only holdings due strictly before this date (yyyy-mm-dd)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("dueBefore")
                    String dueBefore,
            @Parameter(
                            description = "ACTIVE, PROPOSED, APPROVED, DISPOSED or TRANSFERRED",
                            schema = @Schema(implementation = HoldingStatus.class))
                    @QueryParam("status")
                    String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        HoldingFilter filter = new HoldingFilter(
                Params.blankToNull(pupilId),
                Params.blankToNull(recordClass),
                Params.date("dueBefore", dueBefore),
                Params.enumValue("status", status, HoldingStatus.class));
        PageRequest page = pageRequests.of(limit, cursor);
        List<HoldRule> active = holds.activeRules(urn);
        LocalDate day = LegalTime.today(clock);
        return holdings.list(urn, filter, page).map(h -> HoldingView.of(h, active, day));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.MIS, Roles.AUDITOR})
    @Operation(summary = "Read one holding")
    @APIResponse(responseCode = "200", description = "The holding")
    @APIResponse(responseCode = "404", description = "No such holding in this school")
    public HoldingView get(@PathParam("urn") String urn, @PathParam("id") String id) {
        caller.requireSchool(urn);
        Holding holding = holdings.get(urn, Params.pathId(id, "holding"));
        return HoldingView.of(holding, holds.activeRules(urn), LegalTime.today(clock));
    }
}
