package org.custodian.consent.revocation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.custodian.platform.idempotency.IdempotencyKeys;
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

/**
 * A school's token revocations: the DPO revokes a subject's tokens (a parent's lost phone, a member of staff who left)
 * or one token id; refused by every service and the gateway within seconds, while a token issued after a subject's
 * revocation works. Revocations for every school are {@link OperatorRevocationResource}'s.
 */
@Path("/api/v1/schools/{urn}/token-revocations")
@Tag(name = "Token revocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenRevocationResource {

    private final Caller caller;
    private final PageRequests pageRequests;
    private final TokenRevocationService revocations;
    private final IdempotencyKeys idempotency;

    public TokenRevocationResource(
            Caller caller, PageRequests pageRequests, TokenRevocationService revocations, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.revocations = revocations;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary = "Revoke a subject's tokens or one token id at the school (Idempotency-Key accepted); "
                    + "refused by every service and the gateway within seconds; emits token.revoked")
    @APIResponse(
            responseCode = "201",
            description = "The revocation, in force until inForceUntil",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenRevocationView.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Not exactly one of subject and tokenId, a subject or token id no token can carry, or no reason")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used with another body")
    public Response revoke(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull TokenRevocationRequest request) {
        caller.requireSchool(urn);
        String collection = "/api/v1/schools/" + urn + "/token-revocations";
        return idempotency.execute(caller.subject(), key, "POST " + collection, request, () -> {
            TokenRevocationView created = revocations.revoke(caller, urn, request);
            return Response.created(URI.create(collection + "/" + created.id()))
                    .entity(created)
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "List the school's token revocations, newest first")
    @APIResponse(responseCode = "200", description = "A page of revocations")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<TokenRevocationView> list(
            @PathParam("urn") String urn, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        return revocations.list(urn, page);
    }

    @GET
    @Path("{revocationId}")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "Read one of the school's token revocations")
    @APIResponse(
            responseCode = "200",
            description = "The revocation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenRevocationView.class)))
    @APIResponse(responseCode = "404", description = "No such revocation at this school")
    public TokenRevocationView get(@PathParam("urn") String urn, @PathParam("revocationId") String revocationId) {
        caller.requireSchool(urn);
        return revocations.require(urn, revocationId);
    }
}
