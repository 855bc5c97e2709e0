package org.custodian.accountability.ropa;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.custodian.accountability.ropa.RopaViews.TrustView;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A trust's records of processing: the DPO of several schools (a token whose {@code schools} claim names them) reads
 * one record per school, or all of them in one file.
 */
@Path("/api/v1/trusts")
@Tag(name = "Record of processing")
public class TrustRopaResource {

    private final Caller caller;
    private final RopaService ropa;

    public TrustRopaResource(Caller caller, RopaService ropa) {
        this.caller = caller;
        this.ropa = ropa;
    }

    @GET
    @Path("ropa")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The record of processing of every school the caller's token names, one per school")
    @APIResponse(
            responseCode = "200",
            description = "One record per school, by URN",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrustView.class)))
    @APIResponse(responseCode = "403", description = "The token names no school")
    public Response records() {
        return Response.ok(TrustView.of(ropa.records(schools()))).build();
    }

    @GET
    @Path("ropa.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The records of processing of every school the caller's token names, in one CSV file")
    @APIResponse(
            responseCode = "200",
            description = "Every school's rows, each led by the school's URN and name, then the ICO template's columns",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "The token names no school")
    public Response combined() {
        return Response.ok(RopaCsv.ofTrust(ropa.records(schools())), "text/csv;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"ropa-trust.csv\"")
                .build();
    }

    private List<String> schools() {
        if (caller.schools().isEmpty()) {
            throw Problems.forbidden("your token names no school");
        }
        return List.copyOf(caller.schools());
    }
}
