package org.custodian.sharing.action;

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
import org.custodian.sharing.actionkind.ActionKind;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's own actions across every school that shares with it (issue 17): a {@code partner} token with a
 * {@code partner_id} claim sees the actions of every recipient linked to that partner, in any school, and nothing else;
 * a token without one, those of the recipient its {@code sub} names in the schools of its token.
 */
@Path("/api/v1/partners/me/actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners")
public class OwnActionsResource {

    private final PageRequests pageRequests;
    private final PartnerActionService service;

    OwnActionsResource(PageRequests pageRequests, PartnerActionService service) {
        this.pageRequests = pageRequests;
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.PARTNER)
    @Operation(
            summary =
                    "The partner's own actions in every school that shares with it, newest first; filter by status (comma-separated), kind, schoolUrn")
    @APIResponse(
            responseCode = "200",
            description = "A page of actions, each with its school and the URLs to answer it in that school")
    @APIResponse(responseCode = "400", description = "Bad status, kind, schoolUrn, limit or cursor")
    public Page<ActionView> list(
            @Parameter(
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ActionStatus.class),
                            explode = Explode.FALSE,
                            description = "One status or several, comma-separated")
                    @QueryParam("status")
                    String status,
            @Parameter(schema = @Schema(implementation = ActionKind.class)) @QueryParam("kind") String kind,
            @Parameter(
                            description = "Only this school",
                            schema = @Schema(type = SchemaType.STRING, pattern = SchoolUrn.PATTERN))
                    @QueryParam("schoolUrn")
                    String schoolUrn,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = pageRequests.of(limit, cursor);
        return service.listForPartner(
                schoolUrn == null ? null : urn(schoolUrn),
                PartnerActionResource.statuses(status),
                Params.enumValue("kind", kind, ActionKind.class),
                page);
    }

    static String urn(String value) {
        if (!SchoolUrn.isValid(value)) {
            throw Problems.invalid("schoolUrn", "a school URN is six digits");
        }
        return value;
    }
}
