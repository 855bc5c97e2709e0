package org.custodian.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.custodian.platform.http.Params;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The read side of a service's audit log, for the DPO and auditors. Each service exposes it by extending this class
 * with its own {@code @Path("/api/v1/schools/{urn}/audit/<service>")}.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class AuditEndpoints {

    @Inject
    AuditLog auditLog;

    @Inject
    PageRequests pageRequests;

    @Inject
    Caller caller;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "custodian")
    String service;

    /** The longest actor or action a filter takes. */
    private static final int MAX_FILTER = 300;

    /** A date, or an ISO-8601 timestamp with its offset. */
    static final String TIME_FILTER = "^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2}))?$";

    /**
     * One audit row as the API shows it: the stored fields the chain covers, and the same entry in the one vocabulary
     * of every service (issue 17): the service that wrote it, what it is about ({@code subjectType}, {@code subjectId},
     * {@code pupil}), what was done ({@code did}, a past-tense verb phrase), the whole entry in a sentence
     * ({@code words}), and how it ended ({@code result}: DONE, REFUSED or FAILED). Rows of the four services merge by
     * {@code occurredAt}.
     */
    public record AuditRow(
            @Schema(required = true) long seq,
            Instant occurredAt,
            String actor,
            @Schema(nullable = true) String actorRole,
            @Schema(nullable = true) String subject,
            String action,
            AuditEntry.Outcome outcome,
            @Schema(nullable = true) String requestId,
            @Schema(nullable = true) String detail,
            @Schema(nullable = true) String keyId,
            String prevHash,
            String hash,

            @Schema(required = true, description = "The service that wrote the entry, e.g. consent-service")
            String service,

            @Schema(
                    required = true,
                    description = "What the entry is about, in words: pupil, guardian, consent, rights-request,"
                            + " recipient, disclosure, retention-record, school…")
            String subjectType,

            @Schema(nullable = true, description = "The id of what the entry is about (none for the school as a whole)")
            String subjectId,

            @Schema(nullable = true, description = "The pupil the entry is about, if it is about one")
            String pupil,

            @Schema(required = true, description = "What was done, as a past-tense verb phrase: withdrew consent")
            String did,

            @Schema(required = true, description = "The whole entry in a sentence")
            String words,

            @Schema(
                    required = true,
                    enumeration = {"DONE", "REFUSED", "FAILED"})
            String result) {
        static AuditRow of(AuditRecord r, String service) {
            AuditEntry e = r.entry();
            AuditSubjects.Subject about = AuditSubjects.of(e.subject());
            return new AuditRow(
                    r.seq(),
                    e.occurredAt(),
                    e.actor(),
                    e.actorRole(),
                    e.subject(),
                    e.action(),
                    e.outcome(),
                    e.requestId(),
                    e.detail(),
                    r.keyId(),
                    r.prevHash(),
                    r.hash(),
                    service,
                    about.type(),
                    about.id(),
                    about.pupil(),
                    AuditActions.phrase(e.action(), e.outcome()),
                    AuditActions.sentence(e),
                    e.outcome().result());
        }
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @SecurityRequirement(
            name = "bearer",
            scopes = {Roles.DPO, Roles.AUDITOR})
    @Operation(
            summary = "List the audit log of this service for a school, newest first, filtered by pupil, actor, action,"
                    + " result and time")
    @APIResponse(responseCode = "200", description = "A page of audit rows")
    @APIResponse(responseCode = "400", description = "Bad limit, cursor or filter")
    public Page<AuditRow> list(
            @PathParam("urn") String urn,
            @Parameter(
                            description = "Only entries about this stored subject, e.g. pupils/P1",
                            extensions = @Extension(name = "x-custodian-free-text", value = "true", parseValue = true))
                    @QueryParam("subject")
                    String subject,
            @Parameter(
                            description = "Only entries about this pupil, in every service's form",
                            extensions = @Extension(name = "x-custodian-free-text", value = "true", parseValue = true))
                    @QueryParam("pupil")
                    String pupil,
            @Parameter(
                            description = "Only entries by this actor (the token's subject)",
                            extensions = @Extension(name = "x-custodian-free-text", value = "true", parseValue = true))
                    @QueryParam("actor")
                    String actor,
            @Parameter(
                            description =
                                    "Only this action code (consent.withdrawn), or its family (consent); a refusal's"
                                            + " action is its operation (POST /api/v1/schools/{urn}/…)",
                            extensions = @Extension(name = "x-custodian-free-text", value = "true", parseValue = true))
                    @QueryParam("action")
                    String action,
            @Parameter(
                            description = "Only DONE, REFUSED or FAILED entries",
                            schema = @Schema(enumeration = {"DONE", "REFUSED", "FAILED"}))
                    @QueryParam("result")
                    String result,
            @Parameter(
                            description = "From this time (inclusive): a timestamp, or a date meaning its start (UTC)",
                            schema = @Schema(type = SchemaType.STRING, pattern = TIME_FILTER))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description =
                                    "Up to this time (exclusive): a timestamp, or a date meaning up to its end (UTC)",
                            schema = @Schema(type = SchemaType.STRING, pattern = TIME_FILTER))
                    @QueryParam("to")
                    String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        AuditFilter filter = new AuditFilter(
                bounded("subject", Params.blankToNull(subject)),
                pupil == null || pupil.isBlank() ? null : Params.personId("pupil", pupil),
                bounded("actor", Params.blankToNull(actor)),
                bounded("action", Params.blankToNull(action)),
                time("from", from, false),
                time("to", to, true),
                result == null || result.isBlank() ? null : result(result));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw Problems.invalid("to", "must be after from");
        }
        PageRequest page = pageRequests.of(limit, cursor);
        return auditLog.page(urn, filter, page).map(r -> AuditRow.of(r, service));
    }

    private static String bounded(String field, String value) {
        if (value != null && value.length() > MAX_FILTER) {
            throw Problems.invalid(field, "is longer than " + MAX_FILTER + " characters");
        }
        return value;
    }

    private static String result(String value) {
        return switch (value) {
            case "DONE", "REFUSED", "FAILED" -> value;
            default ->
                throw Problems.invalid(
                        "result", "'" + RefusalAudit.cut(value, 40) + "' is not one of DONE, REFUSED, FAILED");
        };
    }

    /** A timestamp, or a date: its start (for from) or the start of the day after (for to, so the day is included). */
    static Instant time(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() == 10) {
            LocalDate day = Params.date(field, value);
            return (endOfDay ? day.plusDays(1) : day)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalid(
                    field, "expected a date (YYYY-MM-DD) or a timestamp (ISO-8601, e.g. 2026-11-28T14:00:00Z)");
        }
    }

    @GET
    @Path("verification")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @SecurityRequirement(
            name = "bearer",
            scopes = {Roles.DPO, Roles.AUDITOR})
    @Operation(
            summary =
                    "Walk the school's keyed hash chain against its latest signed checkpoint and report whether any row "
                            + "was changed, deleted or reordered")
    @APIResponse(responseCode = "200", description = "The verification result")
    public AuditVerification verify(@PathParam("urn") String urn) {
        caller.requireSchool(urn);
        return auditLog.verify(urn);
    }
}
