package org.custodian.retention;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.Topics;
import org.custodian.testing.KafkaTestConsumer;

/** Reads what retention-service really published on custodian.retention.v1. */
public final class Events implements AutoCloseable {

    private final KafkaTestConsumer consumer = new KafkaTestConsumer(Topics.RETENTION);

    /** The first event of a type for a school whose data matches, within 30 seconds. */
    public Optional<CloudEvent> await(String type, String school, Predicate<JsonNode> data) {
        return consumer.await(r -> matches(r, type, school, data), Duration.ofSeconds(30))
                .map(r -> CloudEventCodec.fromJson(r.value()));
    }

    /** How many such events arrived within the given time. */
    public long count(String type, String school, Predicate<JsonNode> data, Duration within) {
        return all(type, school, data, within).size();
    }

    /** Every such event that arrived within the given time, in the order they were read. */
    public List<CloudEvent> all(String type, String school, Predicate<JsonNode> data, Duration within) {
        return consumer.drain(within).stream()
                .filter(r -> matches(r, type, school, data))
                .map(r -> CloudEventCodec.fromJson(r.value()))
                .toList();
    }

    private static boolean matches(
            ConsumerRecord<String, String> record, String type, String school, Predicate<JsonNode> data) {
        CloudEvent event = CloudEventCodec.fromJson(record.value());
        return event.type().equals(type) && school.equals(event.schoolurn()) && data.test(event.data());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
