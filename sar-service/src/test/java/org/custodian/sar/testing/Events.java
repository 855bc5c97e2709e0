package org.custodian.sar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.testing.KafkaTestConsumer;

/**
 * Waits for sar-service's events on the real broker. (KafkaTestConsumer.await stops reading a poll batch at its
 * first match and loses the records after it, so this waits with drain, which keeps every record.)
 */
public final class Events {

    private Events() {}

    public static Optional<CloudEvent> find(
            KafkaTestConsumer consumer, String contains, String type, Duration timeout) {
        return find(consumer, type, timeout, contains);
    }

    /** The first event of {@code type} whose JSON contains every one of {@code fragments}. */
    public static Optional<CloudEvent> find(
            KafkaTestConsumer consumer, String type, Duration timeout, String... fragments) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            List<ConsumerRecord<String, String>> seen = consumer.drain(Duration.ofMillis(250));
            Optional<CloudEvent> found = seen.stream()
                    .filter(r -> java.util.Arrays.stream(fragments).allMatch(r.value()::contains))
                    .map(r -> CloudEventCodec.fromJson(r.value()))
                    .filter(e -> e.type().equals(type))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    public static CloudEvent await(KafkaTestConsumer consumer, String contains, String type) {
        Optional<CloudEvent> event = find(consumer, contains, type, Duration.ofSeconds(20));
        assertThat(event).as("%s about %s", type, contains).isPresent();
        return event.get();
    }
}
