package org.custodian.sharing.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.custodian.platform.http.Params;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Roles;
import org.custodian.platform.security.SchoolUrn;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's own webhook deliveries across every school that shares with it (issue 17): to every recipient linked to
 * its {@code partner_id}, in any school, and nothing else.
 */
@Path("/api/v1/partners/me/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners")
public class OwnDeliveriesResource {

    private final PageRequests pageRequests;
    private final WebhookEndpointService service;

    OwnDeliveriesResource(PageRequests pageRequests, WebhookEndpointService service) {
        this.pageRequests = pageRequests;
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.PARTNER)
    @Operation(
            summary =
                    "The partner's own webhook deliveries in every school that shares with it, newest first; filter by status, schoolUrn")
    @APIResponse(
            responseCode = "200",
            description = "A page of deliveries, each with its school, recipient and endpoint, status, response code"
                    + " and next attempt (the attempts are under the school's path)")
    @APIResponse(responseCode = "400", description = "Bad status, schoolUrn, limit or cursor")
    public Page<DeliveryView> list(
            @Parameter(schema = @Schema(implementation = Delivery.Status.class)) @QueryParam("status") String status,
            @Parameter(
                            description = "Only this school",
                            schema = @Schema(type = SchemaType.STRING, pattern = SchoolUrn.PATTERN))
                    @QueryParam("schoolUrn")
                    String schoolUrn,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = pageRequests.of(limit, cursor);
        if (schoolUrn != null && !SchoolUrn.isValid(schoolUrn)) {
            throw Problems.invalid("schoolUrn", "a school URN is six digits");
        }
        return service.deliveriesForPartner(schoolUrn, Params.enumValue("status", status, Delivery.Status.class), page);
    }
}
