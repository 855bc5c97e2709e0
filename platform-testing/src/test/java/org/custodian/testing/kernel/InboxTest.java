package org.custodian.testing.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.events.Topics;
import org.custodian.platform.inbox.IdempotentConsumer;
import org.custodian.platform.inbox.IdempotentConsumer.Outcome;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.KafkaTestProducer;
import org.junit.jupiter.api.Test;

@KernelTest
class InboxTest {

    private static final String TOPIC = Topics.ROSTER;

    @Inject
    IdempotentConsumer idempotent;

    private static CloudEvent event(String pupil) {
        return event(Topics.CONSENT_SERVICE, pupil);
    }

    private static CloudEvent event(String source, String pupil) {
        return CloudEvent.aboutPupil(
                source,
                EventTypes.PUPIL_ENROLLED,
                "300501",
                pupil,
                JsonNodeFactory.instance.objectNode().put("yearGroup", 3));
    }

    /** The record Kafka would deliver on the roster topic. */
    private static ConsumerRecord<String, String> record(CloudEvent event) {
        return new ConsumerRecord<>(TOPIC, 0, 0, event.partitionKey(), CloudEventCodec.toJson(event));
    }

    private static long applied(String eventId) {
        return Rows.count("SELECT count(*) FROM applied_event WHERE event_id = ?", eventId);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String pupil = "P-" + UUID.randomUUID();
        CloudEvent event = event(pupil);
        CloudEvent next = event(pupil);
        String json = CloudEventCodec.toJson(event);

        KafkaTestProducer.send(TOPIC, event.partitionKey(), json);
        KafkaTestProducer.send(TOPIC, event.partitionKey(), json);
        KafkaTestProducer.send(TOPIC, next.partitionKey(), CloudEventCodec.toJson(next));

        // same key, same partition: once the later event is applied, both copies of the first were consumed
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(next.id()) == 1);
        assertThat(applied(event.id())).isEqualTo(1);
        assertThat(Rows.count(
                        "SELECT count(*) FROM inbox_event WHERE consumer = ? AND event_id = ?",
                        KernelRosterConsumer.NAME,
                        event.id()))
                .isEqualTo(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() {
        String pupil = "P-" + UUID.randomUUID();
        String key = "300501:" + pupil;
        String poison = "{\"this is\": \"not a cloud event\", \"marker\": \"" + pupil + "\"}";
        CloudEvent after = event(pupil);

        try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(Topics.deadLetter("kernel-test"))) {
            KafkaTestProducer.send(TOPIC, key, poison);
            KafkaTestProducer.send(TOPIC, key, CloudEventCodec.toJson(after));

            assertThat(deadLetters.await(r -> r.value().contains(pupil), Duration.ofSeconds(30)))
                    .isPresent();
            await().atMost(Duration.ofSeconds(30)).until(() -> applied(after.id()) == 1);
        }
    }

    /** Issue 16, finding 13: any producer can write any topic, so a consumer believes only the topic's owner. */
    @Test
    void anEventFromAServiceThatDoesNotOwnTheTopicIsDeadLetteredAndNeverApplied() {
        String pupil = "P-" + UUID.randomUUID();
        CloudEvent forged = event(Topics.SAR_SERVICE, pupil);
        CloudEvent genuine = event(pupil);

        try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(Topics.deadLetter("kernel-test"))) {
            KafkaTestProducer.send(TOPIC, forged.partitionKey(), CloudEventCodec.toJson(forged));
            KafkaTestProducer.send(TOPIC, genuine.partitionKey(), CloudEventCodec.toJson(genuine));

            assertThat(deadLetters.await(r -> r.value().contains(forged.id()), Duration.ofSeconds(30)))
                    .isPresent();
            // same key, same partition: once the genuine event is applied, the forged one was consumed before it
            await().atMost(Duration.ofSeconds(30)).until(() -> applied(genuine.id()) == 1);
            assertThat(applied(forged.id()))
                    .as("the forged event changed nothing")
                    .isZero();
            assertThat(Rows.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", forged.id()))
                    .isZero();
        }
    }

    @Test
    void anEventOnATopicNoServiceOwnsIsRefused() {
        CloudEvent event = event("P-" + UUID.randomUUID());
        assertThatThrownBy(() -> idempotent.apply(
                        "projection-a",
                        new ConsumerRecord<>(
                                "custodian.unknown.v1", 0, 0, event.partitionKey(), CloudEventCodec.toJson(event)),
                        e -> {}))
                .isInstanceOf(InvalidEventException.class);
        assertThat(Rows.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", event.id()))
                .isZero();
    }

    @Test
    void aFailedEffectLeavesNoTraceSoTheEventCanBeAppliedLater() {
        CloudEvent event = event("P-" + UUID.randomUUID());

        assertThatThrownBy(() -> idempotent.apply("failing-consumer", record(event), e -> {
                    Rows.count("SELECT 1");
                    throw new IllegalStateException("the projection is broken");
                }))
                .hasMessageContaining("projection is broken");
        assertThat(Rows.count(
                        "SELECT count(*) FROM inbox_event WHERE consumer = 'failing-consumer' AND event_id = ?",
                        event.id()))
                .isZero();

        assertThat(idempotent.apply("failing-consumer", record(event), e -> {})).isEqualTo(Outcome.APPLIED);
        assertThat(idempotent.apply("failing-consumer", record(event), e -> {})).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void consumersKeepSeparateBooks() {
        CloudEvent event = event("P-" + UUID.randomUUID());
        assertThat(idempotent.apply("projection-a", record(event), e -> {})).isEqualTo(Outcome.APPLIED);
        assertThat(idempotent.apply("projection-b", record(event), e -> {})).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aTypeTheConsumerDoesNotReadLeavesNoTraceAndIsNotApplied() {
        CloudEvent event = event("P-" + UUID.randomUUID());
        java.util.concurrent.atomic.AtomicInteger applied = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(idempotent.apply("few-types", record(event), type -> false, e -> applied.incrementAndGet()))
                .isEqualTo(Outcome.IGNORED);
        assertThat(applied).hasValue(0);
        assertThat(Rows.count(
                        "SELECT count(*) FROM inbox_event WHERE consumer = 'few-types' AND event_id = ?", event.id()))
                .isZero();
        assertThat(idempotent.apply("few-types", record(event), event.type()::equals, e -> applied.incrementAndGet()))
                .isEqualTo(Outcome.APPLIED);
        assertThat(applied).hasValue(1);
    }
}
