package org.custodian.testing.kernel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Operations that refuse in each way a service does, to show the kernel audits the refusals (issue 17). */
@Path("/api/v1/schools/{urn}/pupils/{pupilId}/refusal-probes")
@Produces(MediaType.APPLICATION_JSON)
public class RefusalProbeResource {

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @POST
    @Operation(summary = "Touch a pupil's refusal probe")
    @APIResponse(responseCode = "204", description = "Touched")
    @RolesAllowed({"dpo"})
    public Response touch(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a pupil's refusal probe")
    @APIResponse(responseCode = "200", description = "Never: there is none")
    @RolesAllowed({"dpo", "parent"})
    public String read(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId, @PathParam("id") String id) {
        caller.requireSchool(urn);
        throw Problems.notFound("no pupil with that id");
    }

    @PUT
    @Operation(summary = "Change a pupil's refusal probe")
    @APIResponse(responseCode = "204", description = "Never: a rule refuses it")
    @RolesAllowed({"dpo"})
    public Response change(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        throw Problems.unprocessable("a rule refuses the change: the probe is closed");
    }

    @DELETE
    @Operation(summary = "Remove a pupil's refusal probe")
    @APIResponse(responseCode = "204", description = "Never: refused, and audited by the operation itself")
    @RolesAllowed({"dpo"})
    public Response remove(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        audit.recordDenial(caller, urn, "pupils/" + pupilId, "probe.removal-refused", "probes are never removed");
        throw Problems.forbidden("probes are never removed");
    }
}
