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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/{urn}/guardians")
@Tag(name = "Roster")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GuardianResource {

    private final Caller caller;
    private final PageRequests pageRequests;
    private final GuardianService guardians;

    public GuardianResource(Caller caller, PageRequests pageRequests, GuardianService guardians) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.guardians = guardians;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR})
    @Operation(summary = "List guardians with their links to children")
    @APIResponse(responseCode = "200", description = "A page of guardians")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<Guardian> list(
            @PathParam("urn") String urn, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        return guardians.list(urn, page);
    }

    @GET
    @Path("{guardianId}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.AUDITOR, Roles.PARENT})
    @Operation(
            summary =
                    "Read one guardian (a parent reads only themselves, without the restriction markers of their links)")
    @APIResponse(
            responseCode = "200",
            description = "The guardian, with an ETag",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Guardian.class)))
    @APIResponse(responseCode = "404", description = "No such guardian, or not you")
    public Response get(@PathParam("urn") String urn, @PathParam("guardianId") String guardianId) {
        caller.requireSchool(urn);
        Params.matching("guardianId", guardianId, RosterIds.ID, RosterIds.MESSAGE);
        Guardian guardian = guardians.get(urn, guardianId, caller);
        return Response.ok(guardian)
                .header(HttpHeaders.ETAG, ETags.of(guardian.version()))
                .build();
    }

    @PUT
    @Path("{guardianId}")
    @RolesAllowed({Roles.MIS, Roles.SCHOOL_ADMIN, Roles.DPO})
    @Operation(
            summary =
                    "Create or update a guardian and their links to children (the list replaces them; a link may be marked restricted: a court order or a contact restriction); emits guardian.linked and guardian.unlinked")
    @APIResponse(
            responseCode = "200",
            description = "Updated (or unchanged)",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Guardian.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Guardian.class)))
    @APIResponse(responseCode = "400", description = "Invalid guardian, or a child not on the roster")
    @APIResponse(responseCode = "412", description = "If-Match given and stale")
    public Response put(
            @PathParam("urn") String urn,
            @PathParam("guardianId") String guardianId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull GuardianInput input) {
        caller.requireSchool(urn);
        Params.matching("guardianId", guardianId, RosterIds.ID, RosterIds.MESSAGE);
        GuardianService.Written written = guardians.put(urn, guardianId, ifMatch, input, caller);
        return Response.status(written.created() ? 201 : 200)
                .entity(written.guardian())
                .header(HttpHeaders.ETAG, ETags.of(written.guardian().version()))
                .build();
    }
}
