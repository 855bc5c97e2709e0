package org.custodian.tokens;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Reads {@code custodian.revocations.v1} into this replica's {@link Revocations}: every replica of every service and
 * of the gateway reads the whole topic from its beginning (its partitions assigned directly: no consumer group, no
 * committed offsets) and then follows it, so a revocation is in force everywhere about a second after consent-service
 * publishes it. Start-up waits (up to {@code startup-wait}) until everything on the topic has been read, and the
 * readiness check {@code token-revocations} is DOWN until then. Only {@code uk.custodian.token.revoked} events from
 * the one trusted source are applied; anything else on the topic is skipped.
 */
@Readiness
@ApplicationScoped
public class RevocationFeed implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(RevocationFeed.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** How often the topic's partitions are looked up again (partitions may be added). */
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(30);

    private final TokensConfig.Feed config;
    private final Revocations revocations;
    private final String clientId;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    RevocationFeed(
            TokensConfig config,
            Revocations revocations,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "custodian") String application) {
        this.config = config.revocations();
        this.revocations = revocations;
        this.clientId = "revocations-" + application;
    }

    void start(@Observes StartupEvent started) throws InterruptedException {
        if (!config.enabled()) {
            caughtUp.countDown();
            return;
        }
        running = true;
        thread = new Thread(this::run, "token-revocations");
        thread.setDaemon(true);
        thread.start();
        if (!caughtUp.await(config.startupWait().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf(
                    "revocations not read within %s (Kafka at %s); not ready until they are",
                    config.startupWait(), config.bootstrapServers());
        }
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("token-revocations")
                .status(caughtUp.getCount() == 0)
                .build();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerConfig())) {
                consumer = kafka;
                follow(kafka);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                LOG.warnf("reading revocations from %s failed (%s); trying again", config.topic(), e.toString());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(KafkaConsumer<String, String> kafka) {
        List<TopicPartition> partitions = List.of();
        Map<TopicPartition, Long> startupEnd = null;
        long lookedAt = 0;
        while (running) {
            if (partitions.isEmpty() || System.nanoTime() - lookedAt > LOOK_AGAIN.toNanos()) {
                lookedAt = System.nanoTime();
                List<TopicPartition> found = partitionsOf(kafka);
                if (found.isEmpty()) {
                    caughtUp.countDown(); // no topic yet: nothing has ever been revoked
                    pause();
                    continue;
                }
                if (!found.equals(partitions)) { // the first look, or partitions were added: read the new ones whole
                    List<TopicPartition> known = partitions;
                    List<TopicPartition> added =
                            found.stream().filter(p -> !known.contains(p)).toList();
                    partitions = found;
                    kafka.assign(partitions);
                    kafka.seekToBeginning(added);
                    if (caughtUp.getCount() > 0) {
                        startupEnd = new HashMap<>(kafka.endOffsets(partitions));
                    }
                }
            }
            // before polling: a topic already read to its end (or empty) must not cost a poll's wait at start-up
            if (startupEnd != null
                    && startupEnd.entrySet().stream().allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                caughtUp.countDown();
                startupEnd = null;
            }
            for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                apply(record.value());
            }
            revocations.forgetBefore(System.currentTimeMillis() / 1000);
        }
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<String, String> kafka) {
        List<PartitionInfo> found = kafka.partitionsFor(config.topic(), RETRY.multipliedBy(3));
        return found == null
                ? List.of()
                : found.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .sorted(Comparator.comparingInt(TopicPartition::partition))
                        .toList();
    }

    /** Applies a structured CloudEvent carrying a {@link Revocation}; skips anything else. */
    void apply(String value) {
        if (value == null) {
            return;
        }
        try (JsonReader reader = Json.createReader(new StringReader(value))) {
            JsonObject event = reader.readObject();
            if (!Revocation.EVENT_TYPE.equals(event.getString("type", null))) {
                return;
            }
            if (!config.source().equals(event.getString("source", null))) {
                LOG.warnf(
                        "a revocation from %s was ignored: only %s may revoke",
                        event.getString("source", "nowhere"), config.source());
                return;
            }
            revocations.apply(Revocation.fromJson(event.getJsonObject("data")));
        } catch (JsonException | ClassCastException | IllegalArgumentException | NullPointerException e) {
            LOG.warnf("an unreadable record on %s was skipped (%s)", config.topic(), e.getMessage());
        }
    }

    /** The consumer's settings: read-only, no group, and the Kafka authentication the part is given. */
    Map<String, Object> consumerConfig() {
        Map<String, Object> client = new java.util.HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG,
                clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) RETRY.multipliedBy(3).toMillis(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()));
        config.securityProtocol().ifPresent(v -> client.put("security.protocol", v));
        config.saslMechanism().ifPresent(v -> client.put("sasl.mechanism", v));
        config.saslJaasConfig().ifPresent(v -> client.put("sasl.jaas.config", v));
        config.sslTruststoreType().ifPresent(v -> client.put("ssl.truststore.type", v));
        config.sslTruststoreLocation().ifPresent(v -> client.put("ssl.truststore.location", v));
        return client;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
