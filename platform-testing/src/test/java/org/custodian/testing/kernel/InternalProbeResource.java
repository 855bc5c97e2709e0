package org.custodian.testing.kernel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** An internal route, as each service's subject export is one: for service tokens. */
@Path("/internal/v1/schools/{urn}/probes")
@Produces(MediaType.APPLICATION_JSON)
public class InternalProbeResource {

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Who called an internal route")
    @APIResponse(responseCode = "401", description = "No valid token")
    @RolesAllowed(Roles.SERVICE)
    public Map<String, String> whoCalled(@PathParam("urn") String urn) {
        caller.requireSchool(urn);
        return Map.of("subject", caller.subject(), "role", caller.primaryRole());
    }
}
