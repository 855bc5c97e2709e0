package org.custodian.sharing.recipient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where a partner is known (issue 17): the recipients, school by school, that schools linked to its {@code partner_id},
 * so that it knows which schools share with it and under which recipient id (the paths of its endpoints and actions).
 */
@Path("/api/v1/partners/me/recipients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners")
public class OwnRecipientsResource {

    private final PageRequests pageRequests;
    private final RecipientService service;

    OwnRecipientsResource(PageRequests pageRequests, RecipientService service) {
        this.pageRequests = pageRequests;
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "The recipients linked to the partner, in every school, by school")
    @APIResponse(
            responseCode = "200",
            description = "A page of the partner's recipients: school, recipient id, name, status")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<PartnerRecipientView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.reachedByPartner(pageRequests.of(limit, cursor));
    }
}
