package org.custodian.sar.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What sar-service holds about one child, for subject access and portability: the rights requests and complaints
 * about them, with their steps and outcomes (not the assembled responses, which are copies of other services' data).
 */
@Path("/internal/v1/schools/{urn}/subjects/{pupilId}")
@Tag(name = "Subject export")
public class SubjectExportResource {

    private final Caller caller;
    private final SubjectExportService exports;

    public SubjectExportResource(Caller caller, SubjectExportService exports) {
        this.caller = caller;
        this.exports = exports;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SERVICE, Roles.DPO})
    @Operation(
            summary =
                    "Everything sar-service holds about one child: the requests and complaints about them (service tokens and the DPO)")
    @APIResponse(responseCode = "200", description = "The child's export")
    @APIResponse(responseCode = "400", description = "Malformed URN or pupil id")
    public SubjectExport export(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        if (pupilId == null || !pupilId.matches("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}")) {
            throw Problems.invalid("pupilId", "1 to 64 letters, digits or ._:@-");
        }
        return exports.export(urn, pupilId);
    }
}
