package org.custodian.retention.schedule;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The school's retention schedule: the IRMS toolkit rows as shipped, the school's versioned overrides of them, and
 * classes the school added. Changing a class recomputes the due date of every holding of it.
 */
@Path("/api/v1/schools/{urn}/retention-schedule")
@Tag(name = "Retention schedule", description = "How long each record class is kept, from what, and what happens then")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    /** A class as the school wants it; {@code code} only when adding one. */
    public record ClassRequest(
            @Size(max = 64) String code,
            @NotBlank @Size(max = 200) String description,
            @NotNull Trigger trigger,
            @NotBlank @Size(max = 32) String period,
            @NotNull DisposalAction action,
            @NotNull LegalBasis basis,
            @NotBlank @Size(max = 2000) String citation,
            @Size(max = 50) List<@NotBlank @Size(max = 64) String> consentPurposes,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> categories,
            Boolean reviewOnLeaving,
            @Min(1) @Max(120) Integer untilPupilAge,
            @Size(max = 2000) String note,
            @NotBlank @Size(max = 2000) String reason,

            @Schema(
                    description = "a pupil's record falls due for transfer to the next school on the day the pupil"
                            + " leaves, before its scheduled date (e.g. the safeguarding file, KCSIE);"
                            + " default false")
            Boolean transferOnLeaving) {}

    public record ClassView(
            String code,
            @Schema(nullable = true) String description,
            Trigger trigger,
            @Schema(nullable = true) String period,
            DisposalAction action,
            @Schema(nullable = true) LegalBasis basis,
            @Schema(nullable = true) String citation,
            @Schema(nullable = true) List<String> consentPurposes,
            @Schema(nullable = true) List<String> categories,
            @Schema(nullable = true) boolean reviewOnLeaving,
            @Schema(nullable = true) Integer untilPupilAge,
            @Schema(nullable = true) String note,

            @Schema(
                    nullable = true,
                    description = "falls due for transfer to the next school on the day the pupil leaves")
            boolean transferOnLeaving,

            ScheduledClass.Origin origin,
            int version,
            @Schema(nullable = true) String changedBy,
            @Schema(nullable = true) Instant changedAt,
            @Schema(nullable = true) String changeReason) {
        static ClassView of(ScheduledClass c) {
            RetentionRule r = c.rule();
            return new ClassView(
                    r.code(),
                    r.description(),
                    r.trigger(),
                    r.period().toString(),
                    r.action(),
                    r.basis(),
                    r.citation(),
                    r.consentPurposes(),
                    r.categories(),
                    r.reviewOnLeaving(),
                    r.untilPupilAge(),
                    r.note(),
                    r.transferOnLeaving(),
                    c.origin(),
                    c.version(),
                    c.changedBy(),
                    c.changedAt(),
                    c.changeReason());
        }
    }

    /** A class as changed, with how many holdings got a new due date. */
    public record ClassChange(ClassView recordClass, int holdingsExamined, int holdingsRedated) {}

    private final Caller caller;
    private final PageRequests pageRequests;
    private final ScheduleService schedule;
    private final IdempotencyKeys idempotency;

    public ScheduleResource(
            Caller caller, PageRequests pageRequests, ScheduleService schedule, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.schedule = schedule;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR})
    @Operation(summary = "List the record classes of the school's retention schedule")
    @APIResponse(
            responseCode = "200",
            description = "A page of classes: IRMS rows in toolkit order, then the school's own")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<ClassView> list(
            @PathParam("urn") String urn, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        return schedule.list(urn, pageRequests.of(limit, cursor)).map(ClassView::of);
    }

    @GET
    @Path("{classCode}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR})
    @Operation(summary = "Read one record class (its ETag is its version, for If-Match)")
    @APIResponse(
            responseCode = "200",
            description = "The class",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClassView.class)))
    @APIResponse(responseCode = "404", description = "No such class")
    public Response get(@PathParam("urn") String urn, @PathParam("classCode") String code) {
        caller.requireSchool(urn);
        ScheduledClass current = schedule.get(urn, code);
        return Response.ok(ClassView.of(current)).tag(etag(current)).build();
    }

    @GET
    @Path("{classCode}/versions")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Every version of a record class, newest first (the IRMS default is version 0)")
    @APIResponse(responseCode = "200", description = "A page of versions")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    @APIResponse(responseCode = "404", description = "No such class")
    public Page<ClassView> versions(
            @PathParam("urn") String urn,
            @PathParam("classCode") String code,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        return schedule.versions(urn, code, pageRequests.of(limit, cursor)).map(ClassView::of);
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Add a record class of the school's own")
    @APIResponse(
            responseCode = "201",
            description = "The class, version 1",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClassView.class)))
    @APIResponse(responseCode = "400", description = "Bad code, period, trigger, purposes or other field")
    @APIResponse(
            responseCode = "409",
            description = "The class exists (change it with PUT), or the Idempotency-Key was used with another request")
    public Response add(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull ClassRequest request) {
        caller.requireSchool(urn);
        if (request.code() == null) {
            throw Problems.invalid("code", "name the new class");
        }
        return idempotency.execute(
                caller.subject(),
                idempotencyKey,
                "POST /api/v1/schools/" + urn + "/retention-schedule",
                request,
                () -> {
                    ScheduledClass added = schedule.add(caller, urn, request.code(), change(request));
                    return Response.created(
                                    URI.create("/api/v1/schools/" + urn + "/retention-schedule/" + request.code()))
                            .tag(etag(added))
                            .entity(ClassView.of(added))
                            .build();
                });
    }

    @PUT
    @Path("{classCode}")
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary =
                    "Override a record class for this school (If-Match: its ETag); due dates of its holdings are recomputed")
    @APIResponse(
            responseCode = "200",
            description = "The new version, and how many holdings got a new due date",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClassChange.class)))
    @APIResponse(responseCode = "400", description = "Bad period, trigger, purposes or other field")
    @APIResponse(responseCode = "404", description = "No such class (add it with POST)")
    @APIResponse(responseCode = "412", description = "The class changed since its ETag was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response override(
            @PathParam("urn") String urn,
            @PathParam("classCode") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            examples = @ExampleObject(name = "keep records longer", value = """
                                     {"description": "Pupil educational record (last school attended)", "trigger": "DATE_OF_BIRTH", "period": "P30Y", "action": "DESTROY", "basis": "LEGAL_OBLIGATION", "citation": "IRMS toolkit; local authority advice", "reason": "the local authority asks us to keep them longer"}""")))
                    @Valid
                    @NotNull
                    ClassRequest request) {
        caller.requireSchool(urn);
        if (request.code() != null && !request.code().equals(code)) {
            throw Problems.invalid("code", "leave it out, or repeat the code of the path");
        }
        ScheduleService.Changed changed = schedule.override(caller, urn, code, ifMatch, change(request));
        return Response.ok(new ClassChange(
                        ClassView.of(changed.recordClass()), changed.holdingsExamined(), changed.holdingsRedated()))
                .tag(etag(changed.recordClass()))
                .build();
    }

    private static ScheduleService.ClassChange change(ClassRequest request) {
        return new ScheduleService.ClassChange(
                request.description(),
                request.trigger(),
                request.period(),
                request.action(),
                request.basis(),
                request.citation(),
                request.consentPurposes(),
                request.categories(),
                Boolean.TRUE.equals(request.reviewOnLeaving()),
                request.untilPupilAge(),
                request.note(),
                request.reason(),
                Boolean.TRUE.equals(request.transferOnLeaving()));
    }

    private static EntityTag etag(ScheduledClass c) {
        return new EntityTag(Integer.toString(c.version()));
    }
}
