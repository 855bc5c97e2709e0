package org.custodian.sharing.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.sharing.decision.ConsentStatus;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.platform.jdbc.Jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Decides which partners must be told what, and queues the messages in the caller's transaction (so a message exists
 * if and only if the change that caused it commits). The delivery worker is woken when the transaction commits.
 */
@ApplicationScoped
public class PartnerNotifier {

    private static final String WAKE = PartnerNotifier.class.getName() + ".wake";

    /** One pupil's disclosure, as a {@code disclosure.made} message lists it. */
    public record Disclosed(String pupilId, UUID disclosureId, String lawfulBasis, UUID agreementId) {
    }

    @Inject
    Jdbc jdbc;
    @Inject
    WebhookRepository webhooks;
    @Inject
    Clock clock;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    DeliveryWorker worker;

    /** {@code disclosure.made} to the recipient: one message for the whole request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disclosureMade(String urn, UUID recipientId, UUID requestId, String purpose,
                               Collection<DataCategory> categories, List<Disclosed> disclosed) {
        ObjectNode data = CloudEventCodec.mapper().createObjectNode();
        data.put("school", urn);
        data.put("disclosureRequestId", requestId.toString());
        data.put("purpose", purpose);
        data.set("dataCategories", CloudEventCodec.mapper().valueToTree(categories));
        data.set("pupils", CloudEventCodec.mapper().valueToTree(disclosed));
        queue(urn, recipientId, PartnerEventType.DISCLOSURE_MADE, null, messageId("disclosure:" + requestId), data);
    }

    /**
     * {@code consent.withdrawn} to every recipient that received data about the pupil under an agreement resting on
     * that consent purpose.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int consentWithdrawn(String urn, String pupilId, String consentPurpose, ConsentStatus status, String sourceEventId) {
        Map<UUID, TreeSet<String>> received = received(urn, pupilId, "AND agreement_basis = 'CONSENT' AND consent_purpose = ?",
                consentPurpose);
        received.forEach((recipient, categories) -> {
            ObjectNode data = pupilData(urn, pupilId);
            data.put("consentPurpose", consentPurpose);
            data.put("consentStatus", status.name());
            data.set("dataCategoriesReceived", CloudEventCodec.mapper().valueToTree(categories));
            queue(urn, recipient, PartnerEventType.CONSENT_WITHDRAWN, pupilId, messageId(sourceEventId + ":" + recipient), data);
        });
        return received.size();
    }

    /**
     * {@code erasure.requested}, {@code rectification.requested}, {@code processing.restricted} and
     * {@code processing.unrestricted} to every recipient that received data about the pupil (Art. 19): only those that
     * received a named category when categories are given, and only consent-based disclosures when the erasure is
     * limited to what rests on consent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rightsAction(PartnerEventType type, String urn, String pupilId, String requestId, List<String> categories,
                            boolean consentBasedOnly, String sourceEventId) {
        Map<UUID, TreeSet<String>> received = consentBasedOnly
                ? received(urn, pupilId, "AND agreement_basis = 'CONSENT'")
                : received(urn, pupilId, "");
        int told = 0;
        for (Map.Entry<UUID, TreeSet<String>> entry : received.entrySet()) {
            if (!concerns(categories, entry.getValue())) {
                continue;
            }
            ObjectNode data = pupilData(urn, pupilId);
            if (requestId != null) {
                data.put("rightsRequestId", requestId);
            }
            data.set("dataCategories", CloudEventCodec.mapper().valueToTree(categories));
            data.set("dataCategoriesReceived", CloudEventCodec.mapper().valueToTree(entry.getValue()));
            if (type == PartnerEventType.ERASURE_REQUESTED) {
                data.put("consentBasedOnly", consentBasedOnly);
            }
            queue(urn, entry.getKey(), type, pupilId, messageId(sourceEventId + ":" + entry.getKey()), data);
            told++;
        }
        return told;
    }

    /** A {@code webhook.test} message to one endpoint. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID ping(WebhookEndpoint endpoint) {
        ObjectNode data = CloudEventCodec.mapper().createObjectNode();
        data.put("school", endpoint.schoolUrn());
        data.put("endpointId", endpoint.id().toString());
        String messageId = messageId(UUID.randomUUID().toString());
        store(endpoint.schoolUrn(), endpoint.recipientId(), PartnerEventType.WEBHOOK_TEST, null, messageId, data);
        UUID delivery = UUID.randomUUID();
        webhooks.insertDelivery(endpoint.schoolUrn(), delivery, endpoint.id(), endpoint.recipientId(), messageId,
                PartnerEventType.WEBHOOK_TEST.wireName(), null, clock.instant());
        wakeAfterCommit();
        return delivery;
    }

    /** A new delivery of an existing message to the same endpoint. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID replay(Delivery original) {
        UUID delivery = UUID.randomUUID();
        webhooks.insertDelivery(original.schoolUrn(), delivery, original.endpointId(), original.recipientId(),
                original.messageId(), original.eventType(), original.id(), clock.instant());
        wakeAfterCommit();
        return delivery;
    }

    private void queue(String urn, UUID recipient, PartnerEventType type, String pupilId, String messageId, ObjectNode data) {
        if (store(urn, recipient, type, pupilId, messageId, data)) {
            if (webhooks.queueForSubscribers(urn, messageId, recipient, type, clock.instant()) > 0) {
                wakeAfterCommit();
            }
        }
    }

    private boolean store(String urn, UUID recipient, PartnerEventType type, String pupilId, String messageId, ObjectNode data) {
        Instant now = clock.instant();
        data.put("requiredAction", type.requiredAction());
        ObjectNode payload = CloudEventCodec.mapper().createObjectNode();
        payload.put("id", messageId);
        payload.put("type", type.wireName());
        payload.put("timestamp", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        payload.set("data", data);
        try {
            return webhooks.insertMessage(urn, messageId, recipient, type, pupilId,
                    CloudEventCodec.mapper().writeValueAsString(payload), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook payload", e);
        }
    }

    private static ObjectNode pupilData(String urn, String pupilId) {
        ObjectNode data = CloudEventCodec.mapper().createObjectNode();
        data.put("school", urn);
        data.put("pupilId", pupilId);
        return data;
    }

    /** Recipients that received data about the pupil, with the categories each received. */
    private Map<UUID, TreeSet<String>> received(String urn, String pupilId, String condition, Object... extra) {
        Object[] params = new Object[2 + extra.length];
        params[0] = urn;
        params[1] = pupilId;
        System.arraycopy(extra, 0, params, 2, extra.length);
        Map<UUID, TreeSet<String>> received = new LinkedHashMap<>();
        jdbc.list("SELECT recipient_id, data_categories FROM disclosure_log WHERE school_urn = ? AND pupil_id = ? "
                        + condition + " ORDER BY disclosed_at",
                row -> received.computeIfAbsent(row.getObject(1, UUID.class), k -> new TreeSet<>())
                        .addAll(Jdbc.strings(row, "data_categories")), params);
        return received;
    }

    /** Whether a change of the named categories (all when empty or unknown) concerns a recipient that received these. */
    static boolean concerns(List<String> changed, Collection<String> received) {
        if (changed.isEmpty()) {
            return true;
        }
        for (String category : changed) {
            Optional<DataCategory> known = DataCategory.parse(category);
            if (known.isEmpty() || received.contains(known.get().name())) {
                return true;
            }
        }
        return false;
    }

    /** {@code msg_} and a UUID derived from what caused the message, so that a redelivered cause makes no second one. */
    static String messageId(String cause) {
        return "msg_" + UUID.nameUUIDFromBytes(cause.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private void wakeAfterCommit() {
        if (transactions.getResource(WAKE) != null) {
            return;
        }
        transactions.putResource(WAKE, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    worker.wake();
                }
            }
        });
    }
}
