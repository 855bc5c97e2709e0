package org.custodian.consent.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.custodian.consent.school.Schools;
import org.custodian.consent.support.Today;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.http.ETags;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/{urn}/pupils")
@Tag(name = "Roster")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PupilResource {

    @Inject
    Caller caller;

    @Inject
    PageRequests pageRequests;

    @Inject
    Roster roster;

    @Inject
    PupilAccess access;

    @Inject
    Schools schools;

    @Inject
    AuditLog audit;

    @Inject
    Today today;

    @GET
    @RolesAllowed({
        Roles.DPO,
        Roles.SCHOOL_ADMIN,
        Roles.STAFF,
        Roles.SAFEGUARDING_LEAD,
        Roles.MIS,
        Roles.AUDITOR,
        Roles.PARENT,
        Roles.PUPIL
    })
    @Operation(
            summary =
                    "List pupils (a parent sees their own children, a pupil themselves), by year group and on roll or left")
    @APIResponse(responseCode = "200", description = "A page of pupils")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    public Page<PupilView> list(
            @PathParam("urn") String urn,
            @QueryParam("yearGroup") String yearGroup,
            @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        boolean everyone = access.seesWholeRoster(caller);
        return roster.pupils(
                        urn,
                        YearGroups.parseFilter(yearGroup),
                        rollStatus(status),
                        !everyone && caller.hasRole(Roles.PARENT) ? caller.subject() : null,
                        !everyone && !caller.hasRole(Roles.PARENT) ? caller.subject() : null,
                        page)
                .map(p -> PupilView.of(p, today.date()));
    }

    @GET
    @Path("{pupilId}")
    @RolesAllowed({
        Roles.DPO,
        Roles.SCHOOL_ADMIN,
        Roles.STAFF,
        Roles.SAFEGUARDING_LEAD,
        Roles.MIS,
        Roles.AUDITOR,
        Roles.PARENT,
        Roles.PUPIL
    })
    @Operation(summary = "Read one pupil")
    @APIResponse(
            responseCode = "200",
            description = "The pupil, with an ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PupilView.class)))
    @APIResponse(responseCode = "404", description = "No such pupil, or not yours to see")
    public Response get(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        Pupil pupil = access.requireVisible(urn, pupilId, caller);
        return Response.ok(PupilView.of(pupil, today.date()))
                .header(HttpHeaders.ETAG, ETags.of(pupil.version()))
                .build();
    }

    @PUT
    @Path("{pupilId}")
    @Transactional
    @RolesAllowed({Roles.MIS, Roles.SCHOOL_ADMIN, Roles.DPO})
    @Operation(
            summary =
                    "Create or update a pupil from the MIS (If-Match optional); emits pupil.enrolled, pupil.updated or pupil.left")
    @APIResponse(responseCode = "200", description = "Updated (or unchanged)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid pupil")
    @APIResponse(responseCode = "412", description = "If-Match given and stale")
    public Response put(
            @PathParam("urn") String urn,
            @PathParam("pupilId") String pupilId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PupilInput input) {
        caller.requireSchool(urn);
        RosterIds.require(pupilId, "pupilId");
        if (input.pupilId() != null && !input.pupilId().equals(pupilId)) {
            throw Problems.invalid("pupilId", "the body names another pupil than the path");
        }
        schools.require(urn);
        if (ifMatch != null) {
            ETags.requireMatch(
                    ifMatch, roster.pupil(urn, pupilId).map(Pupil::version).orElse(0L));
        }
        Roster.PupilSync sync = roster.upsertPupils(urn, List.of(input.withId(pupilId)));
        Pupil stored = roster.pupil(urn, pupilId).orElseThrow();
        audit.record(
                caller,
                urn,
                "pupils/" + pupilId,
                "pupil.upserted",
                Outcome.SUCCESS,
                sync.counts().toString());
        return Response.status(sync.created().isEmpty() ? 200 : 201)
                .entity(PupilView.of(stored, today.date()))
                .header(HttpHeaders.ETAG, ETags.of(stored.version()))
                .build();
    }

    private static Roster.RollStatus rollStatus(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Roster.RollStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status", "ON_ROLL or LEFT");
        }
    }
}
