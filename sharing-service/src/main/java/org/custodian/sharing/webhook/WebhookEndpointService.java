package org.custodian.sharing.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.http.ETags;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Visibility;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.SharingConfig;
import org.custodian.sharing.recipient.PartnerIdentity;
import org.custodian.sharing.recipient.PartnerReach;
import org.custodian.sharing.recipient.RecipientRepository;
import org.custodian.sharing.school.SchoolScope;

/**
 * A recipient's webhook endpoints and their deliveries: registered, changed, rotated, pinged and replayed, by the school
 * or (issue 17) by the partner itself for the recipients it reaches in schools that have an agreement with it. An
 * endpoint the school disabled stays disabled until the school enables it.
 */
@ApplicationScoped
@Transactional
public class WebhookEndpointService {

    private final SchoolScope school;
    private final Caller caller;
    private final RecipientRepository recipients;
    private final WebhookEndpointRepository endpoints;
    private final WebhookQueries webhooks;
    private final UrlGuard guard;
    private final SecretBox secrets;
    private final MessageQueue messages;
    private final WebhookConfig config;
    private final AuditLog audit;
    private final Clock clock;
    private final PartnerReach reach;

    WebhookEndpointService(
            SchoolScope school,
            Caller caller,
            RecipientRepository recipients,
            WebhookEndpointRepository endpoints,
            WebhookQueries webhooks,
            UrlGuard guard,
            SecretBox secrets,
            MessageQueue messages,
            SharingConfig sharing,
            AuditLog audit,
            Clock clock,
            PartnerReach reach) {
        this.reach = reach;
        this.school = school;
        this.caller = caller;
        this.recipients = recipients;
        this.endpoints = endpoints;
        this.webhooks = webhooks;
        this.guard = guard;
        this.secrets = secrets;
        this.messages = messages;
        this.config = sharing.webhooks();
        this.audit = audit;
        this.clock = clock;
    }

    public CreatedEndpoint create(String urn, UUID recipientId, EndpointRequest request) {
        school.open(urn);
        UUID recipient = recipient(urn, recipientId);
        Optional<PartnerIdentity> partner = partnerMayManage(urn, recipient);
        checkRequest(request);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String secret = WebhookSecrets.generate();
        WebhookEndpoint endpoint = WebhookEndpoint.register(
                urn,
                id,
                recipient,
                request.url(),
                List.copyOf(request.eventTypes()),
                request.description(),
                request.status() == null ? WebhookEndpoint.Status.ENABLED : request.status(),
                partner.isPresent() ? WebhookEndpoint.DisabledBy.PARTNER : WebhookEndpoint.DisabledBy.SCHOOL,
                secrets.seal(secret, WebhookEndpoint.binding(urn, id)),
                now);
        endpoints.persist(endpoint);
        audit.record(
                caller,
                urn,
                subject(endpoint),
                "webhook-endpoint.created",
                Outcome.SUCCESS,
                endpoint.url() + " " + request.eventTypes() + " " + endpoint.status() + by(partner));
        return new CreatedEndpoint(EndpointView.of(endpoint), secret);
    }

    public Page<EndpointView> list(String urn, UUID recipientId, PageRequest page) {
        school.open(urn);
        return endpoints
                .pageForRecipient(urn, recipient(urn, recipientId), page)
                .map(EndpointView::of);
    }

    public EndpointView get(String urn, UUID recipientId, UUID endpointId) {
        school.open(urn);
        return EndpointView.of(endpoint(urn, recipientId, endpointId));
    }

    public EndpointView update(String urn, UUID recipientId, UUID endpointId, String ifMatch, EndpointRequest request) {
        school.open(urn);
        WebhookEndpoint current = endpoint(urn, recipientId, endpointId);
        Optional<PartnerIdentity> partner = partnerMayManage(urn, current.recipientId());
        checkRequest(request);
        ETags.requireMatch(ifMatch, current.version());
        WebhookEndpoint.Status status = request.status() == null ? current.status() : request.status();
        if (partner.isPresent()
                && status == WebhookEndpoint.Status.ENABLED
                && current.disabledBy() == WebhookEndpoint.DisabledBy.SCHOOL) {
            throw Problems.forbidden(
                    "the school disabled this endpoint; only the school can enable it again (ask its DPO)");
        }
        current.change(
                request.url(),
                List.copyOf(request.eventTypes()),
                request.description(),
                status,
                partner.isPresent() ? WebhookEndpoint.DisabledBy.PARTNER : WebhookEndpoint.DisabledBy.SCHOOL,
                clock.instant());
        try {
            endpoints.flush();
        } catch (OptimisticLockException changedMeanwhile) {
            throw Problems.preconditionFailed("the endpoint changed meanwhile; read it again and retry");
        }
        audit.record(
                caller,
                urn,
                subject(current),
                "webhook-endpoint.updated",
                Outcome.SUCCESS,
                current.url() + " " + request.eventTypes() + " " + current.status() + by(partner));
        return EndpointView.of(current);
    }

    public RotatedSecret rotate(String urn, UUID recipientId, UUID endpointId, RotationRequest request) {
        school.open(urn);
        WebhookEndpoint current = endpoint(urn, recipientId, endpointId);
        Optional<PartnerIdentity> partner = partnerMayManage(urn, current.recipientId());
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
        current.rotate(secrets.seal(secret, current.binding()), expires, now);
        try {
            endpoints.flush();
        } catch (OptimisticLockException changedMeanwhile) {
            throw Problems.conflict("the endpoint changed meanwhile; retry the rotation");
        }
        audit.record(
                caller,
                urn,
                subject(current),
                "webhook-endpoint.secret-rotated",
                Outcome.SUCCESS,
                "old secret signs until " + (expires == null ? "now (no overlap)" : expires) + by(partner));
        return new RotatedSecret(current.id(), secret, expires);
    }

    public Queued test(String urn, UUID recipientId, UUID endpointId) {
        school.open(urn);
        WebhookEndpoint endpoint = endpoint(urn, recipientId, endpointId);
        Optional<PartnerIdentity> partner = partnerMayManage(urn, endpoint.recipientId());
        requireEnabled(endpoint);
        UUID delivery = messages.ping(endpoint);
        audit.record(
                caller,
                urn,
                subject(endpoint),
                "webhook-endpoint.tested",
                Outcome.SUCCESS,
                "delivery " + delivery + by(partner));
        return new Queued(delivery, Delivery.Status.PENDING.name());
    }

    public Page<DeliveryView> deliveries(
            String urn, UUID recipientId, UUID endpointId, Delivery.Status status, PageRequest page) {
        school.open(urn);
        WebhookEndpoint endpoint = endpoint(urn, recipientId, endpointId);
        return webhooks.deliveries(urn, endpoint.id(), status, page).map(d -> DeliveryView.of(d, null));
    }

    /**
     * A partner's deliveries across every school that shares with it (issue 17): the partner-scoped read, under no one
     * school; {@code urn} narrows it to one.
     */
    public Page<DeliveryView> deliveriesForPartner(String urn, Delivery.Status status, PageRequest page) {
        PartnerIdentity who = reach.identity()
                .orElseThrow(() -> Problems.forbidden("only a partner's own token reads a partner's deliveries"));
        return webhooks.deliveriesReachedBy(who, urn, status, page).map(d -> DeliveryView.of(d, null));
    }

    public DeliveryView delivery(String urn, UUID recipientId, UUID endpointId, UUID deliveryId) {
        school.open(urn);
        Delivery delivery = findDelivery(urn, recipientId, endpointId, deliveryId);
        return DeliveryView.of(delivery, webhooks.attempts(urn, delivery.id()));
    }

    public Queued replay(String urn, UUID recipientId, UUID endpointId, UUID deliveryId) {
        school.open(urn);
        WebhookEndpoint endpoint = endpoint(urn, recipientId, endpointId);
        requireEnabled(endpoint);
        Delivery original = findDelivery(urn, recipientId, endpointId, deliveryId);
        UUID replay = messages.replay(original);
        audit.record(
                caller,
                urn,
                subject(endpoint),
                "webhook-delivery.replayed",
                Outcome.SUCCESS,
                "delivery " + original.id() + " (" + original.eventType() + ", " + original.messageId() + ") as "
                        + replay);
        return new Queued(replay, Delivery.Status.PENDING.name());
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
        if (!endpoint.enabled()) {
            throw Problems.conflict("the endpoint is disabled (" + endpoint.disabledReason() + "); enable it first");
        }
    }

    /**
     * A partner changes its endpoints only where the school has an agreement with it that has not ended (403
     * otherwise); the school's own people always may. The partner, when it is one.
     */
    private Optional<PartnerIdentity> partnerMayManage(String urn, UUID recipientId) {
        Optional<PartnerIdentity> partner = reach.identity();
        if (partner.isPresent() && !webhooks.agreementInForce(urn, recipientId, LegalTime.today(clock))) {
            throw Problems.forbidden("the school has no agreement in force with you; it manages this endpoint");
        }
        return partner;
    }

    private static String by(Optional<PartnerIdentity> partner) {
        return partner.map(p -> " (by the " + p.describe() + ")").orElse("");
    }

    /** The recipient in the path: must exist in the school, and be one the partner reaches for a partner token. */
    private UUID recipient(String urn, UUID id) {
        if (!reach.mayActFor(urn, id)) {
            throw Problems.notFound("no recipient with that id");
        }
        Visibility.orNotFound(recipients.findInSchool(urn, id), "recipient");
        return id;
    }

    private WebhookEndpoint endpoint(String urn, UUID recipientId, UUID endpointId) {
        UUID recipient = recipient(urn, recipientId);
        return Visibility.orNotFound(endpoints.findInSchool(urn, recipient, endpointId), "webhook endpoint");
    }

    private Delivery findDelivery(String urn, UUID recipientId, UUID endpointId, UUID deliveryId) {
        WebhookEndpoint endpoint = endpoint(urn, recipientId, endpointId);
        return Visibility.orNotFound(webhooks.delivery(urn, endpoint.id(), deliveryId), "delivery");
    }

    private static String subject(WebhookEndpoint endpoint) {
        return "webhook-endpoints/" + endpoint.id();
    }
}
