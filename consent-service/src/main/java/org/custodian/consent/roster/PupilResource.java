package org.custodian.consent.roster;

import jakarta.annotation.security.RolesAllowed;
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
import org.custodian.platform.http.ETags;
import org.custodian.platform.http.Params;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/{urn}/pupils")
@Tag(name = "Roster")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PupilResource {

    private final Caller caller;
    private final PageRequests pageRequests;
    private final PupilService pupils;

    public PupilResource(Caller caller, PageRequests pageRequests, PupilService pupils) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.pupils = pupils;
    }

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
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "" + YearGroups.MIN,
                                            maximum = "" + YearGroups.MAX))
                    @QueryParam("yearGroup")
                    String yearGroup,
            @Parameter(schema = @Schema(implementation = RollStatus.class)) @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        return pupils.list(
                urn,
                Params.integer("yearGroup", yearGroup, YearGroups.MIN, YearGroups.MAX),
                Params.enumValue("status", status, RollStatus.class),
                page,
                caller);
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
    @APIResponse(
            responseCode = "404",
            description =
                    "No such pupil, or not yours to see (a parent linked to the child without parental responsibility gets a 403 saying so)")
    public Response get(@PathParam("urn") String urn, @PathParam("pupilId") String pupilId) {
        caller.requireSchool(urn);
        PupilService.Written pupil = pupils.get(urn, pupilId, caller);
        return Response.ok(pupil.pupil())
                .header(HttpHeaders.ETAG, ETags.of(pupil.version()))
                .build();
    }

    @PUT
    @Path("{pupilId}")
    @RolesAllowed({Roles.MIS, Roles.SCHOOL_ADMIN, Roles.DPO})
    @Operation(
            summary =
                    "Create or update a pupil from the MIS (If-Match optional); emits pupil.enrolled, pupil.updated or pupil.left")
    @APIResponse(
            responseCode = "200",
            description = "Updated (or unchanged)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PupilView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PupilView.class)))
    @APIResponse(responseCode = "400", description = "Invalid pupil")
    @APIResponse(responseCode = "412", description = "If-Match given and stale")
    public Response put(
            @PathParam("urn") String urn,
            @PathParam("pupilId") String pupilId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PupilInput input) {
        caller.requireSchool(urn);
        Params.matching("pupilId", pupilId, RosterIds.ID, RosterIds.MESSAGE);
        PupilService.Written written = pupils.put(urn, pupilId, ifMatch, input, caller);
        return Response.status(written.created() ? 201 : 200)
                .entity(written.pupil())
                .header(HttpHeaders.ETAG, ETags.of(written.version()))
                .build();
    }
}
