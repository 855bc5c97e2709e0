package org.custodian.sharing.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.custodian.platform.http.ETags;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A recipient's webhook endpoints (Standard Webhooks 1.0), their deliveries, replays, test pings and secret rotation.
 * A {@code partner} token that reaches the recipient (its {@code partner_id} linked to it, or its {@code sub} the
 * recipient id) lists, registers, changes, pings and rotates the secrets of its own endpoints where the school has an
 * agreement in force with it (403 otherwise), and reads their deliveries; it cannot enable again an endpoint the school
 * disabled (403), nor replay. Another recipient's endpoints are a 404 to it.
 */
@Path("/api/v1/schools/{urn}/recipients/{recipientId}/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookEndpointResource {

    private final PageRequests pageRequests;
    private final Caller caller;
    private final IdempotencyKeys idempotency;
    private final WebhookEndpointService service;

    WebhookEndpointResource(
            PageRequests pageRequests, Caller caller, IdempotencyKeys idempotency, WebhookEndpointService service) {
        this.pageRequests = pageRequests;
        this.caller = caller;
        this.idempotency = idempotency;
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARTNER})
    @Operation(
            summary =
                    "Register a webhook endpoint; the response carries its whsec_ signing secret, shown only this once")
    @APIResponse(
            responseCode = "201",
            description = "Registered, with the secret; a replay of the same Idempotency-Key answers without it "
                    + "(Idempotent-Replay-Omitted: secret)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedEndpoint.class)))
    @APIResponse(responseCode = "400", description = "Malformed or refused URL (SSRF rules), unknown event type")
    @APIResponse(responseCode = "404", description = "No such recipient in this school (or not the partner's own)")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    public Response create(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "partner endpoint", value = """
                                   {"url": "https://hooks.partner.example/custodian", "eventTypes": ["disclosure.made",
                                    "consent.withdrawn", "erasure.requested", "rectification.requested",
                                    "processing.restricted", "processing.unrestricted"]}
                                   """)))
                    @Valid
                    @NotNull
                    EndpointRequest request) {
        UUID recipient = id("recipientId", recipientId);
        return idempotency.execute(
                caller.subject(),
                key,
                "POST /api/v1/schools/" + urn + "/recipients/" + recipient + "/webhook-endpoints",
                request,
                () -> {
                    CreatedEndpoint created = service.create(urn, recipient, request);
                    return Response.created(URI.create(base(urn, recipient) + "/"
                                    + created.endpoint().id()))
                            .header(
                                    HttpHeaders.ETAG,
                                    ETags.of(created.endpoint().version()))
                            .entity(created)
                            .build();
                });
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARTNER})
    @Operation(summary = "List a recipient's webhook endpoints")
    @APIResponse(responseCode = "200", description = "A page of endpoints (never their secrets)")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    @APIResponse(responseCode = "404", description = "No such recipient in this school (or not the partner's own)")
    public Page<EndpointView> list(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = pageRequests.of(limit, cursor);
        return service.list(urn, id("recipientId", recipientId), page);
    }

    @GET
    @Path("{endpointId}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARTNER})
    @Operation(summary = "Read one webhook endpoint (ETag for updates)")
    @APIResponse(
            responseCode = "200",
            description = "The endpoint",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "400", description = "Malformed id")
    @APIResponse(responseCode = "404", description = "No such endpoint for this recipient (or not the partner's own)")
    public Response get(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @PathParam("endpointId") String endpointId) {
        return answer(service.get(urn, id("recipientId", recipientId), id("endpointId", endpointId)));
    }

    @PUT
    @Path("{endpointId}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARTNER})
    @Operation(
            summary =
                    "Change an endpoint's URL, event types or status (send If-Match); re-enabling clears its failure streak")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or refused URL, unknown event type")
    @APIResponse(responseCode = "404", description = "No such endpoint for this recipient (or not the partner's own)")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @PathParam("endpointId") String endpointId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull EndpointRequest request) {
        return answer(
                service.update(urn, id("recipientId", recipientId), id("endpointId", endpointId), ifMatch, request));
    }

    @POST
    @Path("{endpointId}/secret-rotation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARTNER})
    @Operation(
            summary =
                    "Rotate the signing secret: the new one is returned once; the old one keeps signing for the overlap")
    @APIResponse(responseCode = "200", description = "The new secret and when the old one stops signing")
    @APIResponse(responseCode = "400", description = "Bad overlap")
    @APIResponse(responseCode = "404", description = "No such endpoint for this recipient (or not the partner's own)")
    public RotatedSecret rotate(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @PathParam("endpointId") String endpointId,
            @Valid RotationRequest request) {
        return service.rotate(urn, id("recipientId", recipientId), id("endpointId", endpointId), request);
    }

    @POST
    @Path("{endpointId}/test")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARTNER})
    @Operation(summary = "Send a webhook.test ping to the endpoint")
    @APIResponse(
            responseCode = "202",
            description = "Queued; follow it in the deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Queued.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint for this recipient (or not the partner's own)")
    @APIResponse(responseCode = "409", description = "The endpoint is disabled")
    public Response test(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @PathParam("endpointId") String endpointId) {
        UUID recipient = id("recipientId", recipientId);
        UUID endpoint = id("endpointId", endpointId);
        Queued queued = service.test(urn, recipient, endpoint);
        return Response.accepted(queued)
                .location(URI.create(base(urn, recipient) + "/" + endpoint + "/deliveries/" + queued.deliveryId()))
                .build();
    }

    @GET
    @Path("{endpointId}/deliveries")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARTNER})
    @Operation(summary = "List an endpoint's deliveries, newest first (a partner sees only its own)")
    @APIResponse(
            responseCode = "200",
            description = "A page of deliveries with status, response code, duration and next attempt")
    @APIResponse(responseCode = "400", description = "Bad status, limit or cursor")
    @APIResponse(responseCode = "404", description = "No such endpoint for this recipient (or not the partner's own)")
    public Page<DeliveryView> deliveries(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @PathParam("endpointId") String endpointId,
            @Parameter(schema = @Schema(implementation = Delivery.Status.class)) @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = pageRequests.of(limit, cursor);
        return service.deliveries(
                urn,
                id("recipientId", recipientId),
                id("endpointId", endpointId),
                Params.enumValue("status", status, Delivery.Status.class),
                page);
    }

    @GET
    @Path("{endpointId}/deliveries/{deliveryId}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARTNER})
    @Operation(summary = "Read one delivery with every attempt")
    @APIResponse(responseCode = "200", description = "The delivery and its attempts")
    @APIResponse(responseCode = "400", description = "Malformed id")
    @APIResponse(responseCode = "404", description = "No such delivery (or not the partner's own)")
    public DeliveryView getDelivery(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @PathParam("endpointId") String endpointId,
            @PathParam("deliveryId") String deliveryId) {
        return service.delivery(
                urn, id("recipientId", recipientId), id("endpointId", endpointId), id("deliveryId", deliveryId));
    }

    @POST
    @Path("{endpointId}/deliveries/{deliveryId}/replay")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary = "Send a delivery's message again (same webhook-id, a new delivery)",
            description = "The replayed message keeps its webhook-id and id and says it is a replay: data.replayed is"
                    + " true and data.replayedAt says when the replay was asked for. A message that carries a partner"
                    + " action carries the action's current status in data.action.status (read when the replay is"
                    + " sent, data.action.statusAsOf), not the status it had when first sent; the stored message is"
                    + " unchanged.")
    @APIResponse(
            responseCode = "202",
            description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Queued.class)))
    @APIResponse(responseCode = "400", description = "Malformed id")
    @APIResponse(responseCode = "404", description = "No such delivery")
    @APIResponse(responseCode = "409", description = "The endpoint is disabled")
    public Response replay(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @PathParam("endpointId") String endpointId,
            @PathParam("deliveryId") String deliveryId) {
        UUID recipient = id("recipientId", recipientId);
        UUID endpoint = id("endpointId", endpointId);
        Queued queued = service.replay(urn, recipient, endpoint, id("deliveryId", deliveryId));
        return Response.accepted(queued)
                .location(URI.create(base(urn, recipient) + "/" + endpoint + "/deliveries/" + queued.deliveryId()))
                .build();
    }

    private static String base(String urn, UUID recipient) {
        return "/api/v1/schools/" + urn + "/recipients/" + recipient + "/webhook-endpoints";
    }

    private static Response answer(EndpointView endpoint) {
        return Response.ok(endpoint)
                .header(HttpHeaders.ETAG, ETags.of(endpoint.version()))
                .build();
    }

    private static UUID id(String field, String value) {
        return Params.uuid(field, value);
    }
}
