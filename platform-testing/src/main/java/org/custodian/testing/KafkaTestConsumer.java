package org.custodian.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the test broker from the beginning, to see what a service really published. */
public final class KafkaTestConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public KafkaTestConsumer(String... topics) {
        this(List.of(topics));
    }

    public KafkaTestConsumer(Collection<String> topics) {
        this(KafkaResource.bootstrapServers(), topics);
    }

    /** Reads from another broker than the shared test broker (e.g. one a test stops and restarts). */
    public KafkaTestConsumer(String bootstrapServers, Collection<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()));
        consumer.subscribe(topics);
    }

    /** Waits for the first record matching {@code match}, or returns empty after {@code timeout}. */
    public Optional<ConsumerRecord<String, String>> await(
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            Optional<ConsumerRecord<String, String>> found =
                    seen.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found;
            }
            // keep every record of the batch: a later await may be looking for one after the match
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        } while (System.nanoTime() < deadline);
        return seen.stream().filter(match).findFirst();
    }

    /** Every record received so far after polling for {@code duration}. */
    public List<ConsumerRecord<String, String>> drain(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
