package org.custodian.consent.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/{urn}/roster-sync")
@Tag(name = "Roster")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RosterSyncResource {

    private final Caller caller;
    private final RosterService roster;

    public RosterSyncResource(Caller caller, RosterService roster) {
        this.caller = caller;
        this.roster = roster;
    }

    @POST
    @RolesAllowed({Roles.MIS, Roles.SCHOOL_ADMIN, Roles.DPO})
    @Operation(
            summary =
                    "Upsert up to 5,000 pupils and 10,000 guardians in one transaction; only real changes emit events")
    @APIResponse(responseCode = "200", description = "Counts of created, updated and unchanged pupils and guardians")
    @APIResponse(responseCode = "400", description = "Invalid or oversize sync; nothing is stored")
    @APIResponse(responseCode = "413", description = "Body larger than 8 MB")
    public RosterService.SyncResult sync(@PathParam("urn") String urn, @Valid @NotNull RosterSyncRequest request) {
        caller.requireSchool(urn);
        return roster.sync(urn, request, caller);
    }
}
