package org.custodian.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one of the suite's topics from the moment it is opened (no consumer group: it commits nothing and disturbs no
 * service), keeping the CloudEvents of one school. The topic must exist: every story opens it after the school's first
 * event of that kind has been produced, or accepts that a topic created later is read from its start.
 */
public final class EventLog implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final String school;
    private final List<JsonNode> events = new ArrayList<>();

    public EventLog(String topic, String school) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.kafka());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config);
        this.school = school;
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Everything of this school read so far, after polling for what has arrived. */
    public synchronized List<JsonNode> events() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            JsonNode event = Api.parse(record.value());
            if (school.equals(event.path("schoolurn").asText())) {
                events.add(event);
            }
        }
        return List.copyOf(events);
    }

    /** This school's events of one type ({@code uk.custodian.} is added when missing). */
    public List<JsonNode> ofType(String type) {
        String full = type.startsWith("uk.custodian.") ? type : "uk.custodian." + type;
        return events().stream()
                .filter(e -> full.equals(e.path("type").asText()))
                .toList();
    }

    @Override
    public synchronized void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}
