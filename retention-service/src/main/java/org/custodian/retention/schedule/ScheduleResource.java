package org.custodian.retention.schedule;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.http.ETags;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.retention.holding.DueRecalculation;
import org.custodian.retention.support.Today;
import org.custodian.retention.support.Violations;
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
            @NotBlank @Size(max = 2000) String reason) {}

    public record ClassView(
            String code,
            String description,
            Trigger trigger,
            String period,
            DisposalAction action,
            LegalBasis basis,
            String citation,
            List<String> consentPurposes,
            List<String> categories,
            boolean reviewOnLeaving,
            Integer untilPupilAge,
            String note,
            ScheduledClass.Origin origin,
            int version,
            String changedBy,
            Instant changedAt,
            String changeReason) {
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
                    c.origin(),
                    c.version(),
                    c.changedBy(),
                    c.changedAt(),
                    c.changeReason());
        }
    }

    /** A class as changed, with how many holdings got a new due date. */
    public record ClassChange(ClassView recordClass, int holdingsExamined, int holdingsRedated) {}

    @Inject
    Caller caller;

    @Inject
    PageRequests pageRequests;

    @Inject
    ScheduleStore store;

    @Inject
    DueRecalculation recalculation;

    @Inject
    AuditLog audit;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Jdbc sql;

    @Inject
    Today today;

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR})
    @Transactional
    @Operation(summary = "List the record classes of the school's retention schedule")
    @APIResponse(
            responseCode = "200",
            description = "A page of classes: IRMS rows in toolkit order, then the school's own")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<ClassView> list(
            @PathParam("urn") String urn, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        List<ScheduledClass> all = new ArrayList<>(store.current(urn).values());
        int start = 0;
        if (!page.isFirst()) {
            String after = page.after(0);
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).rule().code().equals(after)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw PageRequest.badCursor();
            }
        }
        List<ClassView> rows = all.subList(start, Math.min(all.size(), start + page.fetchSize())).stream()
                .map(ClassView::of)
                .toList();
        return Page.fromRows(rows, page, c -> List.of(c.code()));
    }

    @GET
    @Path("{classCode}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR})
    @Transactional
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
        ScheduledClass current =
                store.current(urn, code).orElseThrow(() -> Problems.notFound("no record class " + code));
        return Response.ok(ClassView.of(current)).tag(etagValue(current)).build();
    }

    @GET
    @Path("{classCode}/versions")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Transactional
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
        PageRequest page = pageRequests.of(limit, cursor);
        List<ScheduledClass> versions = store.versions(urn, code);
        if (versions.isEmpty()) {
            throw Problems.notFound("no record class " + code);
        }
        long before = page.isFirst() ? Long.MAX_VALUE : page.afterLong(0);
        List<ClassView> rows = versions.stream()
                .filter(v -> v.version() < before)
                .limit(page.fetchSize())
                .map(ClassView::of)
                .toList();
        return Page.fromRows(rows, page, v -> List.of(Integer.toString(v.version())));
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Add a record class of the school's own")
    @APIResponse(responseCode = "201", description = "The class, version 1")
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
                    lock(urn, request.code());
                    if (store.current(urn, request.code()).isPresent()) {
                        throw Problems.conflict("record class " + request.code() + " exists; change it with PUT");
                    }
                    ScheduledClass added = version(request, request.code(), ScheduledClass.Origin.SCHOOL_CLASS, 1);
                    store.save(urn, added);
                    audit.record(
                            caller,
                            urn,
                            subject(added),
                            "retention-schedule.class-added",
                            AuditEntry.Outcome.SUCCESS,
                            describe(added.rule()) + "; reason: " + request.reason());
                    return Response.created(
                                    URI.create("/api/v1/schools/" + urn + "/retention-schedule/" + request.code()))
                            .tag(etagValue(added))
                            .entity(ClassView.of(added))
                            .build();
                });
    }

    @PUT
    @Path("{classCode}")
    @RolesAllowed(Roles.DPO)
    @Transactional
    @Operation(
            summary =
                    "Override a record class for this school (If-Match: its ETag); due dates of its holdings are recomputed")
    @APIResponse(responseCode = "200", description = "The new version, and how many holdings got a new due date")
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
        lock(urn, code);
        ScheduledClass current =
                store.current(urn, code).orElseThrow(() -> Problems.notFound("no record class " + code));
        ETags.requireMatch(ifMatch, current.version());
        ScheduledClass.Origin origin = current.origin() == ScheduledClass.Origin.SCHOOL_CLASS
                ? ScheduledClass.Origin.SCHOOL_CLASS
                : ScheduledClass.Origin.SCHOOL_OVERRIDE;
        ScheduledClass next = version(request, code, origin, current.version() + 1);
        store.save(urn, next);
        DueRecalculation.Summary redated = recalculation.forClass(urn, code);
        audit.record(
                caller,
                urn,
                subject(next),
                "retention-schedule.changed",
                AuditEntry.Outcome.SUCCESS,
                "version " + next.version() + ": " + changes(current.rule(), next.rule()) + "; " + redated.changed()
                        + " of " + redated.examined() + " holdings re-dated; reason: " + request.reason());
        return Response.ok(new ClassChange(ClassView.of(next), redated.examined(), redated.changed()))
                .tag(etagValue(next))
                .build();
    }

    private ScheduledClass version(ClassRequest request, String code, ScheduledClass.Origin origin, int version) {
        Period period;
        try {
            period = Period.parse(request.period());
        } catch (DateTimeParseException e) {
            throw Problems.invalid("period", "an ISO-8601 period such as P25Y, P6M or P0D");
        }
        RetentionRule rule = new RetentionRule(
                code,
                request.description(),
                request.trigger(),
                period,
                request.action(),
                request.basis(),
                request.citation(),
                request.consentPurposes(),
                request.categories(),
                Boolean.TRUE.equals(request.reviewOnLeaving()),
                request.untilPupilAge(),
                request.note());
        Violations.throwIfAny(rule.violations());
        return new ScheduledClass(rule, origin, version, caller.subject(), today.now(), request.reason());
    }

    /** One change of a class at a time per school. */
    private void lock(String urn, String code) {
        sql.list("SELECT pg_advisory_xact_lock(hashtext(?))", row -> 1, "retention.schedule." + urn + "." + code);
    }

    private static jakarta.ws.rs.core.EntityTag etagValue(ScheduledClass c) {
        return new jakarta.ws.rs.core.EntityTag(Integer.toString(c.version()));
    }

    private static String subject(ScheduledClass c) {
        return "retention-schedule/" + c.rule().code();
    }

    private static String describe(RetentionRule r) {
        return r.trigger() + " + " + r.period() + " then " + r.action() + " (" + r.basis() + ")";
    }

    static String changes(RetentionRule before, RetentionRule after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "trigger", before.trigger(), after.trigger());
        compare(changed, "period", before.period(), after.period());
        compare(changed, "action", before.action(), after.action());
        compare(changed, "basis", before.basis(), after.basis());
        compare(changed, "consentPurposes", before.consentPurposes(), after.consentPurposes());
        compare(changed, "reviewOnLeaving", before.reviewOnLeaving(), after.reviewOnLeaving());
        compare(changed, "untilPupilAge", before.untilPupilAge(), after.untilPupilAge());
        compare(changed, "categories", before.categories(), after.categories());
        if (!Objects.equals(before.description(), after.description())
                || !Objects.equals(before.citation(), after.citation())
                || !Objects.equals(before.note(), after.note())) {
            changed.add("wording");
        }
        return changed.isEmpty() ? "no change of substance" : String.join(", ", changed);
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field + " " + before + " → " + after);
        }
    }
}
