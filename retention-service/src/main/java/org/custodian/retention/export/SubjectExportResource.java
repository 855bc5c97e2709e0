package org.custodian.retention.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.retention.holding.HoldingStatus;
import org.custodian.retention.schedule.DisposalAction;
import org.custodian.retention.schedule.LegalBasis;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * For subject access: what records are held about a child and until when — the "how long will you keep it" answer.
 * Called by sar-service with a service token, or by the DPO; never routed by the gateway.
 */
@Path(SubjectExport.PATH)
@Tag(name = "Subject access")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectExportResource {

    static final String PUPIL_ID = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}";

    /** One record held about the child, with the rule that decides how long it is kept. */
    public record HeldRecord(
            String recordClass,
            String description,
            String system,
            String reference,
            LocalDate createdOn,
            LocalDate closedOn,
            HoldingStatus status,
            String retentionRule,
            LegalBasis basis,
            String citation,
            LocalDate keptUntil,
            DisposalAction then,
            String howTheDateIsReached,
            String waitingFor,
            String erasureNote,
            boolean onLegalHold) {}

    public record RetentionExport(String pupilId, List<HeldRecord> records) {}

    private final Caller caller;
    private final SubjectExportService exports;

    public SubjectExportResource(Caller caller, SubjectExportService exports) {
        this.caller = caller;
        this.exports = exports;
    }

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.DPO})
    @Operation(
            summary =
                    "Everything retention-service holds about one child: the records registered and until when each is kept")
    @APIResponse(responseCode = "200", description = "The export (empty records when nothing is registered)")
    @APIResponse(responseCode = "400", description = "Malformed school URN or pupil id")
    public SubjectExport export(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        if (!pupilId.matches(PUPIL_ID)) {
            throw Problems.invalid("pupilId", "a pupil id of up to 64 letters, digits and ._:/-");
        }
        return exports.export(caller, urn, pupilId);
    }
}
