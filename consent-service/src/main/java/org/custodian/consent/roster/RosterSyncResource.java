package org.custodian.consent.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
                    "Upsert up to 5,000 pupils and 10,000 guardians in one transaction; only real changes emit events",
            description =
                    "INCREMENTAL (the default) changes only what the feed lists. FULL treats the feed as the whole"
                            + " roster: pupils on roll it does not list are marked left today (pupil.left) and the links of"
                            + " guardians it does not list are removed (guardian.unlinked); a full sync without pupils or"
                            + " without guardians is refused. The batch is checked whole first: every problem of every row is"
                            + " in one problem+json, nothing is stored, and the refusal is audited.")
    @APIResponse(
            responseCode = "200",
            description = "Counts of created, updated and unchanged pupils and guardians, and the report record by"
                    + " record with warnings",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RosterSyncReport.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid or oversize sync (every problem listed in errors, a UPN twice in the batch, an"
                    + " empty full sync); nothing is stored")
    @APIResponse(
            responseCode = "409",
            description = "A UPN is held by another pupil of the school (errors name the rows); nothing is stored")
    @APIResponse(responseCode = "413", description = "Body larger than 8 MB")
    @APIResponse(responseCode = "415", description = "A charset Java does not know; nothing is stored")
    public RosterSyncReport sync(
            @PathParam("urn") String urn,
            @Parameter(
                            description = "INCREMENTAL (default) or FULL",
                            schema = @Schema(enumeration = {"INCREMENTAL", "FULL"}))
                    @QueryParam("mode")
                    String mode,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = RosterSyncRequest.class)))
                    @NotNull
                    JsonNode request)
            throws JsonProcessingException {
        caller.requireSchool(urn);
        return roster.sync(urn, mode, request, caller);
    }
}
