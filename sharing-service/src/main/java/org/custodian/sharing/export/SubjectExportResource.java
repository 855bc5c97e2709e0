package org.custodian.sharing.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.http.Params;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Everything sharing-service holds about one child, for subject access: above all who the child's data has been
 * disclosed to, when, on which lawful basis and under which agreement.
 */
@Path(SubjectExport.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subject export")
public class SubjectExportResource {

    private final SubjectExportService service;

    SubjectExportResource(SubjectExportService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.DPO})
    @Operation(
            summary =
                    "Export everything held about one pupil: every disclosure (recipient, basis, date), refusals, partner notifications, and per recipient every action it was asked to take and its outcome")
    @APIResponse(responseCode = "200", description = "The export (empty lists when nothing is held)")
    @APIResponse(responseCode = "400", description = "Malformed URN or pupil id")
    public SubjectExport export(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        return service.export(urn, Params.personId("pupilId", pupilId));
    }
}
