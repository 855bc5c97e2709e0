package org.custodian.consent.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodian.platform.http.Params;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The DPO's per-child competence assessment, which overrides the school's competence age either way. */
@Path("/api/v1/schools/{urn}/competence-assessments/{pupilId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Competence",
        description = "Whether a child exercises their own rights: the school's age (12 in Scotland), or the DPO's"
                + " assessment of the child")
public class CompetenceResource {

    private final Caller caller;
    private final CompetenceService competence;

    public CompetenceResource(Caller caller, CompetenceService competence) {
        this.caller = caller;
        this.competence = competence;
    }

    @PUT
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary = "Record the DPO's assessment of the child's competence (audited); from the day it was made it"
                    + " overrides the school's competence age either way; emits pupil.updated")
    @APIResponse(responseCode = "200", description = "The assessment as recorded")
    @APIResponse(responseCode = "400", description = "Bad input: competent and reason are required")
    @APIResponse(responseCode = "404", description = "No such pupil at the school")
    public CompetenceView record(
            @PathParam("urn") String urn, @PathParam("pupilId") String pupilId, @Valid @NotNull CompetenceInput in) {
        caller.requireSchool(urn);
        Params.matching("pupilId", pupilId, RosterIds.ID, RosterIds.MESSAGE);
        return competence.record(urn, pupilId, in, caller);
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "The DPO's current competence assessment of the child")
    @APIResponse(responseCode = "200", description = "The assessment")
    @APIResponse(responseCode = "404", description = "No such pupil, or no assessment recorded")
    public CompetenceView get(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        Params.matching("pupilId", pupilId, RosterIds.ID, RosterIds.MESSAGE);
        return competence.get(urn, pupilId);
    }
}
