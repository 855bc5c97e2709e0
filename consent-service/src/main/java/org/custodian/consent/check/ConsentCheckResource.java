package org.custodian.consent.check;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.custodian.consent.decision.ConsentStatus;
import org.custodian.consent.roster.YearGroups;
import org.custodian.platform.http.Params;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/{urn}")
@Tag(name = "Consent checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentCheckResource {

    private final Caller caller;
    private final PageRequests pageRequests;
    private final ConsentCheckService checks;

    public ConsentCheckResource(Caller caller, PageRequests pageRequests, ConsentCheckService checks) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.checks = checks;
    }

    @POST
    @Path("consent-checks")
    @RolesAllowed({Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.SCHOOL_ADMIN, Roles.DPO})
    @Operation(summary = "Effective statuses of up to 1,000 pupils for up to 20 purposes (one indexed query)")
    @APIResponse(responseCode = "200", description = "The matrix; unknown pupil ids are listed, not fatal")
    @APIResponse(responseCode = "400", description = "Invalid or oversize request, unknown purpose")
    public ConsentCheckService.Matrix check(@PathParam("urn") String urn, @Valid @NotNull ConsentCheckRequest request) {
        caller.requireSchool(urn);
        return checks.check(urn, request.pupils(), request.purposes());
    }

    @GET
    @Path("purposes/{code}/pupils")
    @RolesAllowed({Roles.STAFF, Roles.SAFEGUARDING_LEAD, Roles.MIS, Roles.SCHOOL_ADMIN, Roles.DPO})
    @Operation(
            summary =
                    "The class list for a purpose: pupils on roll with a status (default GRANTED), optionally of one year group")
    @APIResponse(responseCode = "200", description = "A page of pupils")
    @APIResponse(responseCode = "400", description = "Bad status, year group, limit or cursor")
    @APIResponse(responseCode = "404", description = "No such purpose")
    public Page<ConsentCheckService.Listed> classList(
            @PathParam("urn") String urn,
            @PathParam("code") String code,
            @Parameter(schema = @Schema(implementation = ConsentStatus.class)) @QueryParam("status") String status,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "" + YearGroups.MIN,
                                            maximum = "" + YearGroups.MAX))
                    @QueryParam("yearGroup")
                    String yearGroup,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        return checks.classList(
                urn,
                code,
                Params.enumValue("status", status, ConsentStatus.class),
                Params.integer("yearGroup", yearGroup, YearGroups.MIN, YearGroups.MAX),
                pageRequests.of(limit, cursor));
    }
}
