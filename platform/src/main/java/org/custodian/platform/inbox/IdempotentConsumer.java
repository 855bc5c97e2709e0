package org.custodian.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.events.Topics;
import org.jboss.logging.Logger;

/**
 * Applies a consumed event at most once per consumer: the event id is recorded in the same transaction as the
 * effect, so a redelivered event is a no-op and a failed effect leaves no trace.
 *
 * <p>Use it from an {@code @Incoming} method that takes the {@link ConsumerRecord} and is configured with
 * {@code failure-strategy=dead-letter-queue}: a record that is not a valid CloudEvent, whose {@code source} is not the
 * service that owns its topic ({@link Topics#requireOwner}), or whose effect still fails after a few quick retries, is
 * rethrown so that the connector parks it on the dead-letter topic instead of blocking the partition; the first two
 * are never applied and leave no trace in the inbox.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final List<Duration> RETRY_PAUSES =
            List.of(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2));

    public enum Outcome {
        APPLIED,
        DUPLICATE,
        /** Not a type the consumer reads: checked, then left without a trace in the inbox. */
        IGNORED
    }

    private final Inbox inbox;

    @Inject
    public IdempotentConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Parses a structured CloudEvent, checks that its topic's owner sent it, and applies it once. */
    public Outcome apply(String consumer, ConsumerRecord<?, String> record, Consumer<CloudEvent> effect) {
        return apply(consumer, record, type -> true, effect);
    }

    /**
     * As {@link #apply(String, ConsumerRecord, Consumer)}, for a consumer that reads only some of a topic's types: an
     * event of any other type is checked as every event is, then ignored without an inbox row (a projection of a few
     * school-wide facts does not record every pupil's event).
     */
    public Outcome apply(
            String consumer, ConsumerRecord<?, String> record, Predicate<String> reads, Consumer<CloudEvent> effect) {
        CloudEvent event = CloudEventCodec.fromJson(record.value());
        try {
            Topics.requireOwner(record.topic(), event);
        } catch (InvalidEventException e) {
            LOG.warnf("%s: %s; it goes to the dead-letter topic", consumer, e.getMessage());
            throw e;
        }
        if (!reads.test(event.type())) {
            return Outcome.IGNORED;
        }
        return apply(consumer, event, effect);
    }

    private Outcome apply(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
        RuntimeException last = null;
        for (int attempt = 0; attempt <= RETRY_PAUSES.size(); attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(consumer, event.id(), event.type())) {
                        return Outcome.DUPLICATE;
                    }
                    effect.accept(event);
                    return Outcome.APPLIED;
                });
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                last = e;
                if (attempt < RETRY_PAUSES.size()) {
                    LOG.debugf(e, "%s: event %s failed, retrying", consumer, event.id());
                    pause(RETRY_PAUSES.get(attempt));
                }
            }
        }
        LOG.errorf(
                last,
                "%s: event %s (%s) failed after retries; it goes to the dead-letter topic",
                consumer,
                event.id(),
                event.type());
        throw last;
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
