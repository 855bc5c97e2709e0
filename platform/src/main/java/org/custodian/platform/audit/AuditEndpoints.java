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
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    /** One audit row as the API shows it. */
    public record AuditRow(
            long seq,
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
            String hash) {
        static AuditRow of(AuditRecord r) {
            AuditEntry e = r.entry();
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
                    r.hash());
        }
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @SecurityRequirement(
            name = "bearer",
            scopes = {Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "List the audit log of this service for a school, newest first")
    @APIResponse(responseCode = "200", description = "A page of audit rows")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<AuditRow> list(
            @PathParam("urn") String urn,
            @Parameter(
                            description = "Only the rows about this subject, exactly as the rows name it",
                            extensions = @Extension(name = "x-custodian-free-text", value = "true", parseValue = true))
                    @QueryParam("subject")
                    String subject,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        return auditLog.page(urn, subject, page).map(AuditRow::of);
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
