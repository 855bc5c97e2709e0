package org.custodian.sharing.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.http.ETags;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.secrets.Secret;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.security.Visibility;
import org.custodian.sharing.recipient.RecipientRepository;
import org.custodian.sharing.school.SchoolScope;
import org.custodian.sharing.support.Ids;
import org.custodian.sharing.support.PartnerScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A recipient's webhook endpoints (Standard Webhooks 1.0), their deliveries, replays, test pings and secret rotation.
 * A {@code partner} token whose {@code sub} is the recipient id may read its own endpoints' deliveries, nothing else.
 */
@Path("/api/v1/schools/{urn}/recipients/{recipientId}/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookEndpointResource {

    public record EndpointRequest(
            @NotBlank @Size(max = WebhookUrls.MAX_LENGTH) String url,
            @NotEmpty @Size(max = 10) Set<@NotNull PartnerEventType> eventTypes,
            @Size(max = 500) String description,
            WebhookEndpoint.Status status) {}

    public record RotationRequest(@Min(0) @Max(2_592_000) Long overlapSeconds) {}

    public record EndpointView(
            UUID id,
            UUID recipientId,
            String url,
            Set<PartnerEventType> eventTypes,
            String description,
            WebhookEndpoint.Status status,
            String disabledReason,
            Instant failingSince,
            Instant previousSecretExpiresAt,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        static EndpointView of(WebhookEndpoint e) {
            return new EndpointView(
                    e.id(),
                    e.recipientId(),
                    e.url(),
                    new LinkedHashSet<>(e.eventTypes()),
                    e.description(),
                    e.status(),
                    e.disabledReason(),
                    e.failingSince(),
                    e.previousSecretExpiresAt(),
                    e.version(),
                    e.createdAt(),
                    e.updatedAt());
        }
    }

    /**
     * Shown once, on creation: the only time the secret leaves the service (a replay with the same Idempotency-Key
     * answers without it).
     */
    public record CreatedEndpoint(
            EndpointView endpoint, @Secret String secret) {}

    public record RotatedSecret(UUID endpointId, @Secret String secret, Instant previousSecretExpiresAt) {}

    public record DeliveryView(
            UUID id,
            String messageId,
            String eventType,
            Delivery.Status status,
            int attempts,
            Integer responseCode,
            Integer durationMs,
            String lastError,
            Instant lastAttemptAt,
            Instant nextAttemptAt,
            UUID replayOf,
            Instant createdAt,
            List<Delivery.Attempt> attemptLog) {
        static DeliveryView of(Delivery d, List<Delivery.Attempt> attempts) {
            return new DeliveryView(
                    d.id(),
                    d.messageId(),
                    d.eventType(),
                    d.status(),
                    d.attempts(),
                    d.lastStatusCode(),
                    d.lastDurationMs(),
                    d.lastError(),
                    d.lastAttemptAt(),
                    d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null,
                    d.replayOf(),
                    d.createdAt(),
                    attempts);
        }
    }

    public record Queued(UUID deliveryId, String status) {}

    @Inject
    SchoolScope school;

    @Inject
    PageRequests pageRequests;

    @Inject
    Caller caller;

    @Inject
    RecipientRepository recipients;

    @Inject
    WebhookRepository webhooks;

    @Inject
    UrlGuard guard;

    @Inject
    SecretBox secrets;

    @Inject
    PartnerNotifier notifier;

    @Inject
    WebhookConfig config;

    @Inject
    AuditLog audit;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Clock clock;

    @POST
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "Register a webhook endpoint; the response carries its whsec_ signing secret, shown only this once")
    @APIResponse(
            responseCode = "201",
            description = "Registered, with the secret; a replay of the same Idempotency-Key answers without it "
                    + "(Idempotent-Replay-Omitted: secret)")
    @APIResponse(responseCode = "400", description = "Malformed or refused URL (SSRF rules), unknown event type")
    @APIResponse(responseCode = "404", description = "No such recipient in this school")
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
        school.open(urn);
        UUID recipient = recipient(urn, recipientId);
        checkRequest(request);
        return idempotency.execute(
                caller.subject(),
                key,
                "POST /api/v1/schools/" + urn + "/recipients/" + recipient + "/webhook-endpoints",
                request,
                () -> {
                    Instant now = clock.instant();
                    UUID id = UUID.randomUUID();
                    String secret = WebhookSecrets.generate();
                    WebhookEndpoint endpoint = new WebhookEndpoint(
                            id,
                            urn,
                            recipient,
                            request.url(),
                            List.copyOf(request.eventTypes()),
                            request.description(),
                            request.status() == null ? WebhookEndpoint.Status.ENABLED : request.status(),
                            null,
                            secrets.seal(secret, WebhookEndpoint.binding(urn, id)),
                            null,
                            null,
                            null,
                            1,
                            now,
                            now);
                    webhooks.insert(endpoint);
                    audit.record(
                            caller,
                            urn,
                            subject(endpoint),
                            "webhook-endpoint.created",
                            Outcome.SUCCESS,
                            endpoint.url() + " " + request.eventTypes());
                    return Response.created(URI.create(base(urn, recipient) + "/" + id))
                            .header(HttpHeaders.ETAG, ETags.of(endpoint.version()))
                            .entity(new CreatedEndpoint(EndpointView.of(endpoint), secret))
                            .build();
                });
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "List a recipient's webhook endpoints")
    @APIResponse(responseCode = "200", description = "A page of endpoints (never their secrets)")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    @APIResponse(responseCode = "404", description = "No such recipient in this school")
    public Page<EndpointView> list(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        school.open(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        return webhooks.endpoints(urn, recipient(urn, recipientId), page).map(EndpointView::of);
    }

    @GET
    @Path("{endpointId}")
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Read one webhook endpoint (ETag for updates)")
    @APIResponse(responseCode = "200", description = "The endpoint")
    @APIResponse(responseCode = "400", description = "Malformed id")
    @APIResponse(responseCode = "404", description = "No such endpoint for this recipient")
    public Response get(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @PathParam("endpointId") String endpointId) {
        school.open(urn);
        WebhookEndpoint endpoint = endpoint(urn, recipientId, endpointId);
        return Response.ok(EndpointView.of(endpoint))
                .header(HttpHeaders.ETAG, ETags.of(endpoint.version()))
                .build();
    }

    @PUT
    @Path("{endpointId}")
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "Change an endpoint's URL, event types or status (send If-Match); re-enabling clears its failure streak")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Malformed or refused URL, unknown event type")
    @APIResponse(responseCode = "404", description = "No such endpoint for this recipient")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @PathParam("endpointId") String endpointId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull EndpointRequest request) {
        school.open(urn);
        WebhookEndpoint current = endpoint(urn, recipientId, endpointId);
        checkRequest(request);
        ETags.requireMatch(ifMatch, current.version());
        WebhookEndpoint.Status status = request.status() == null ? current.status() : request.status();
        boolean reenabled =
                status == WebhookEndpoint.Status.ENABLED && current.status() != WebhookEndpoint.Status.ENABLED;
        WebhookEndpoint next = new WebhookEndpoint(
                current.id(),
                urn,
                current.recipientId(),
                request.url(),
                List.copyOf(request.eventTypes()),
                request.description(),
                status,
                status == WebhookEndpoint.Status.ENABLED ? null : (reenabled ? null : disabledReason(current)),
                current.secretSealed(),
                current.previousSecretSealed(),
                current.previousSecretExpiresAt(),
                reenabled ? null : current.failingSince(),
                current.version() + 1,
                current.createdAt(),
                clock.instant());
        if (!webhooks.update(next, current.version())) {
            throw Problems.preconditionFailed("the endpoint changed meanwhile; read it again and retry");
        }
        audit.record(
                caller,
                urn,
                subject(next),
                "webhook-endpoint.updated",
                Outcome.SUCCESS,
                next.url() + " " + request.eventTypes() + " " + next.status());
        return Response.ok(EndpointView.of(next))
                .header(HttpHeaders.ETAG, ETags.of(next.version()))
                .build();
    }

    @POST
    @Path("{endpointId}/secret-rotation")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "Rotate the signing secret: the new one is returned once; the old one keeps signing for the overlap")
    @APIResponse(responseCode = "200", description = "The new secret and when the old one stops signing")
    @APIResponse(responseCode = "400", description = "Bad overlap")
    @APIResponse(responseCode = "404", description = "No such endpoint for this recipient")
    public RotatedSecret rotate(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @PathParam("endpointId") String endpointId,
            @Valid RotationRequest request) {
        school.open(urn);
        WebhookEndpoint current = endpoint(urn, recipientId, endpointId);
        Duration overlap = request == null || request.overlapSeconds() == null
                ? config.rotationOverlap()
                : Duration.ofSeconds(request.overlapSeconds());
        if (overlap.compareTo(config.maxRotationOverlap()) > 0) {
            throw Problems.invalid(
                    "overlapSeconds", "at most " + config.maxRotationOverlap().toSeconds());
        }
        Instant now = clock.instant();
        String secret = WebhookSecrets.generate();
        Instant expires = overlap.isZero() ? null : now.plus(overlap);
        WebhookEndpoint next = new WebhookEndpoint(
                current.id(),
                urn,
                current.recipientId(),
                current.url(),
                current.eventTypes(),
                current.description(),
                current.status(),
                current.disabledReason(),
                secrets.seal(secret, current.binding()),
                expires == null ? null : current.secretSealed(),
                expires,
                current.failingSince(),
                current.version() + 1,
                current.createdAt(),
                now);
        if (!webhooks.update(next, current.version())) {
            throw Problems.conflict("the endpoint changed meanwhile; retry the rotation");
        }
        audit.record(
                caller,
                urn,
                subject(next),
                "webhook-endpoint.secret-rotated",
                Outcome.SUCCESS,
                "old secret signs until " + (expires == null ? "now (no overlap)" : expires));
        return new RotatedSecret(next.id(), secret, expires);
    }

    @POST
    @Path("{endpointId}/test")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Send a webhook.test ping to the endpoint")
    @APIResponse(responseCode = "202", description = "Queued; follow it in the deliveries")
    @APIResponse(responseCode = "404", description = "No such endpoint for this recipient")
    @APIResponse(responseCode = "409", description = "The endpoint is disabled")
    public Response test(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @PathParam("endpointId") String endpointId) {
        school.open(urn);
        WebhookEndpoint endpoint = endpoint(urn, recipientId, endpointId);
        requireEnabled(endpoint);
        UUID delivery = notifier.ping(endpoint);
        audit.record(
                caller, urn, subject(endpoint), "webhook-endpoint.tested", Outcome.SUCCESS, "delivery " + delivery);
        return Response.accepted(new Queued(delivery, Delivery.Status.PENDING.name()))
                .location(
                        URI.create(base(urn, endpoint.recipientId()) + "/" + endpoint.id() + "/deliveries/" + delivery))
                .build();
    }

    @GET
    @Path("{endpointId}/deliveries")
    @Transactional
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
            @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        school.open(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        WebhookEndpoint endpoint = endpoint(urn, recipientId, endpointId);
        return webhooks.deliveries(urn, endpoint.id(), Ids.enumOf(Delivery.Status.class, status, "status"), page)
                .map(d -> DeliveryView.of(d, null));
    }

    @GET
    @Path("{endpointId}/deliveries/{deliveryId}")
    @Transactional
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
        school.open(urn);
        Delivery delivery = findDelivery(urn, recipientId, endpointId, deliveryId);
        return DeliveryView.of(delivery, webhooks.attempts(urn, delivery.id()));
    }

    @POST
    @Path("{endpointId}/deliveries/{deliveryId}/replay")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "Send a delivery's message again (same webhook-id, a new delivery)")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "400", description = "Malformed id")
    @APIResponse(responseCode = "404", description = "No such delivery")
    @APIResponse(responseCode = "409", description = "The endpoint is disabled")
    public Response replay(
            @PathParam("urn") String urn,
            @PathParam("recipientId") String recipientId,
            @PathParam("endpointId") String endpointId,
            @PathParam("deliveryId") String deliveryId) {
        school.open(urn);
        WebhookEndpoint endpoint = endpoint(urn, recipientId, endpointId);
        requireEnabled(endpoint);
        Delivery original = findDelivery(urn, recipientId, endpointId, deliveryId);
        UUID replay = notifier.replay(original);
        audit.record(
                caller,
                urn,
                subject(endpoint),
                "webhook-delivery.replayed",
                Outcome.SUCCESS,
                "delivery " + original.id() + " (" + original.eventType() + ", " + original.messageId() + ") as "
                        + replay);
        return Response.accepted(new Queued(replay, Delivery.Status.PENDING.name()))
                .location(URI.create(base(urn, endpoint.recipientId()) + "/" + endpoint.id() + "/deliveries/" + replay))
                .build();
    }

    private void checkRequest(EndpointRequest request) {
        if (request.eventTypes().contains(PartnerEventType.WEBHOOK_TEST)) {
            throw Problems.invalid("eventTypes", "webhook.test is sent on request, not subscribed to");
        }
        try {
            guard.check(request.url());
        } catch (IllegalArgumentException refused) {
            throw Problems.invalid("url", refused.getMessage());
        }
    }

    private static void requireEnabled(WebhookEndpoint endpoint) {
        if (endpoint.status() != WebhookEndpoint.Status.ENABLED) {
            throw Problems.conflict("the endpoint is disabled (" + endpoint.disabledReason() + "); enable it first");
        }
    }

    private static String disabledReason(WebhookEndpoint current) {
        return current.disabledReason() != null ? current.disabledReason() : "disabled by the school";
    }

    /** The recipient in the path: must exist in the school, and be the partner's own for a partner token. */
    private UUID recipient(String urn, String recipientId) {
        UUID id = Ids.uuid(recipientId, "recipientId");
        if (!PartnerScope.mayActFor(caller, id)) {
            throw Problems.notFound("no recipient with that id");
        }
        Visibility.orNotFound(recipients.find(urn, id), "recipient");
        return id;
    }

    private WebhookEndpoint endpoint(String urn, String recipientId, String endpointId) {
        UUID recipient = recipient(urn, recipientId);
        return Visibility.orNotFound(
                webhooks.endpoint(urn, recipient, Ids.uuid(endpointId, "endpointId")), "webhook endpoint");
    }

    private Delivery findDelivery(String urn, String recipientId, String endpointId, String deliveryId) {
        WebhookEndpoint endpoint = endpoint(urn, recipientId, endpointId);
        return Visibility.orNotFound(
                webhooks.delivery(urn, endpoint.id(), Ids.uuid(deliveryId, "deliveryId")), "delivery");
    }

    private static String base(String urn, UUID recipient) {
        return "/api/v1/schools/" + urn + "/recipients/" + recipient + "/webhook-endpoints";
    }

    private static String subject(WebhookEndpoint endpoint) {
        return "webhook-endpoints/" + endpoint.id();
    }
}
