package org.custodian.sharing.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.platform.events.CloudEventCodec;

/**
 * Stores partner messages and queues them for the endpoints that subscribe to them, in the caller's transaction (so a
 * message exists if and only if the change that caused it commits); the delivery worker is woken when the transaction
 * commits.
 */
@ApplicationScoped
public class MessageQueue {

    private static final String WAKE = MessageQueue.class.getName() + ".wake";

    private final WebhookQueries webhooks;

    private final Clock clock;

    private final TransactionSynchronizationRegistry transactions;

    private final DeliveryWorker worker;

    MessageQueue(
            WebhookQueries webhooks,
            Clock clock,
            TransactionSynchronizationRegistry transactions,
            DeliveryWorker worker) {
        this.webhooks = webhooks;
        this.clock = clock;
        this.transactions = transactions;
        this.worker = worker;
    }

    /**
     * Stores the messages that do not exist yet and queues them for the subscribed endpoints: a statement per table for
     * the whole lot.
     *
     * @return the ids of the messages that were new
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> send(String urn, List<NewMessage> messages, Instant now) {
        Set<String> fresh = webhooks.insertMessages(urn, messages, now);
        if (webhooks.queueForSubscribers(
                        urn,
                        messages.stream().filter(m -> fresh.contains(m.id())).toList(),
                        now)
                > 0) {
            wakeAfterCommit();
        }
        return fresh;
    }

    /** A {@code webhook.test} message to one endpoint. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID ping(WebhookEndpoint endpoint) {
        ObjectNode data = CloudEventCodec.mapper().createObjectNode();
        data.put("school", endpoint.schoolUrn());
        data.put("endpointId", endpoint.id().toString());
        String messageId = messageId(UUID.randomUUID().toString());
        Instant now = clock.instant();
        PartnerEventType type = PartnerEventType.WEBHOOK_TEST;
        webhooks.insertMessages(
                endpoint.schoolUrn(),
                List.of(message(messageId, endpoint.recipientId(), type, type.receivedBy(), null, data, now)),
                now);
        UUID delivery = UUID.randomUUID();
        webhooks.insertDelivery(
                endpoint.schoolUrn(),
                delivery,
                endpoint.id(),
                endpoint.recipientId(),
                messageId,
                type.wireName(),
                null,
                now);
        wakeAfterCommit();
        return delivery;
    }

    /** A new delivery of an existing message to the same endpoint. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID replay(Delivery original) {
        UUID delivery = UUID.randomUUID();
        webhooks.insertDelivery(
                original.schoolUrn(),
                delivery,
                original.endpointId(),
                original.recipientId(),
                original.messageId(),
                original.eventType(),
                original.id(),
                clock.instant());
        wakeAfterCommit();
        return delivery;
    }

    /** A message with its Standard Webhooks payload ({@code id}, {@code type}, {@code timestamp}, {@code data}). */
    public static NewMessage message(
            String messageId,
            UUID recipient,
            PartnerEventType type,
            List<String> receivedBy,
            String pupilId,
            ObjectNode data,
            Instant now) {
        data.put("requiredAction", type.requiredAction());
        ObjectNode payload = CloudEventCodec.mapper().createObjectNode();
        payload.put("id", messageId);
        payload.put("type", type.wireName());
        payload.put("timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        payload.set("data", data);
        try {
            return new NewMessage(
                    messageId,
                    recipient,
                    type,
                    receivedBy,
                    pupilId,
                    CloudEventCodec.mapper().writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook payload", e);
        }
    }

    /** {@code msg_} and a UUID derived from what caused the message, so that a redelivered cause makes no second one. */
    public static String messageId(String cause) {
        return "msg_"
                + UUID.nameUUIDFromBytes(cause.getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .replace("-", "");
    }

    private void wakeAfterCommit() {
        if (transactions.getResource(WAKE) != null) {
            return;
        }
        transactions.putResource(WAKE, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    worker.wake();
                }
            }
        });
    }
}
