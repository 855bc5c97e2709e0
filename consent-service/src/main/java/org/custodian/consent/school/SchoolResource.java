package org.custodian.consent.school;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.custodian.platform.http.ETags;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/{urn}")
@Tag(name = "School profile")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchoolResource {

    private final Caller caller;
    private final SchoolService schools;

    public SchoolResource(Caller caller, SchoolService schools) {
        this.caller = caller;
        this.schools = schools;
    }

    @GET
    @RolesAllowed({
        Roles.DPO,
        Roles.SCHOOL_ADMIN,
        Roles.STAFF,
        Roles.SAFEGUARDING_LEAD,
        Roles.PARENT,
        Roles.PUPIL,
        Roles.MIS,
        Roles.AUDITOR
    })
    @Operation(summary = "Read the school profile (its defaults until something is written for the school)")
    @APIResponse(
            responseCode = "200",
            description = "The profile, with its ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SchoolView.class)))
    @APIResponse(responseCode = "400", description = "Malformed URN")
    public Response get(@PathParam("urn") String urn) {
        caller.requireSchool(urn);
        SchoolView school = SchoolView.of(schools.profile(urn));
        return Response.ok(school)
                .header(HttpHeaders.ETAG, ETags.of(school.version()))
                .build();
    }

    @PUT
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Replace the school profile (If-Match required); emits school.updated")
    @APIResponse(
            responseCode = "200",
            description = "The updated profile, with its new ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SchoolView.class)))
    @APIResponse(responseCode = "400", description = "Invalid profile")
    @APIResponse(responseCode = "412", description = "The profile changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response put(
            @PathParam("urn") String urn,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SchoolRequest request) {
        caller.requireSchool(urn);
        SchoolView updated = SchoolView.of(schools.update(urn, ifMatch, request, caller));
        return Response.ok(updated)
                .header(HttpHeaders.ETAG, ETags.of(updated.version()))
                .build();
    }
}
