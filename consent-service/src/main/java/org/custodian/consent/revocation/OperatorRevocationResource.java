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
 * Revocations for every school, by platform operators (role {@code operator}, in no school): a token id found in a
 * log or a public repository, a subject whose account at the identity provider was compromised. Under
 * {@code /internal}, which the gateway never routes: reached from inside the deployment only.
 */
@Path("/internal/v1/token-revocations")
@Tag(name = "Token revocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorRevocationResource {

    private final Caller caller;
    private final PageRequests pageRequests;
    private final TokenRevocationService revocations;
    private final IdempotencyKeys idempotency;

    public OperatorRevocationResource(
            Caller caller, PageRequests pageRequests, TokenRevocationService revocations, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.revocations = revocations;
        this.idempotency = idempotency;
    }

    private static final String COLLECTION = "/internal/v1/token-revocations";

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            summary = "Revoke a token id or a subject's tokens at every school (operators only; Idempotency-Key "
                    + "accepted; never routed by the gateway); emits token.revoked")
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
            @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull TokenRevocationRequest request) {
        return idempotency.execute(caller.subject(), key, "POST " + COLLECTION, request, () -> {
            TokenRevocationView created = revocations.revoke(caller, null, request);
            return Response.created(URI.create(COLLECTION + "/" + created.id()))
                    .entity(created)
                    .build();
        });
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "List the revocations for every school, newest first (operators only)")
    @APIResponse(responseCode = "200", description = "A page of revocations")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<TokenRevocationView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = pageRequests.of(limit, cursor);
        return revocations.list(null, page);
    }

    @GET
    @Path("{revocationId}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Read one revocation for every school (operators only)")
    @APIResponse(
            responseCode = "200",
            description = "The revocation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenRevocationView.class)))
    @APIResponse(responseCode = "404", description = "No such revocation")
    public TokenRevocationView get(@PathParam("revocationId") String revocationId) {
        return revocations.require(null, revocationId);
    }
}
