package org.custodian.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.jdbc.Jdbc;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes unsent outbox rows to Kafka and stamps them published.
 *
 * <p>Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas relay side by side without
 * publishing a row twice; a claimed row waits when an earlier unpublished row of the same key is held by another
 * replica, so one child's events reach Kafka in the order they were written. While Kafka is down, batches roll
 * back and the relay backs off; nothing is lost, rows simply wait. The claim is planned for each batch, on the
 * outbox's indexes ({@link Jdbc#queuePlans()}): a bulk import can add a hundred thousand rows between two analyses.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    static final String CLAIM = """
            WITH claimed AS (
                SELECT id, event_key FROM outbox_event
                WHERE published_at IS NULL
                ORDER BY id
                LIMIT ?
                FOR UPDATE SKIP LOCKED
            )
            SELECT o.id, o.topic, o.event_key, o.payload
            FROM outbox_event o JOIN claimed c ON c.id = o.id
            WHERE NOT EXISTS (
                SELECT 1 FROM outbox_event earlier
                WHERE earlier.event_key = c.event_key
                  AND earlier.published_at IS NULL
                  AND earlier.id < c.id
                  AND earlier.id NOT IN (SELECT id FROM claimed))
            ORDER BY o.id
            """;

    private static final String MARK_PUBLISHED =
            "UPDATE outbox_event SET published_at = now(), attempts = attempts + 1,"
                    + " last_error = NULL WHERE id = ANY (?::bigint[])";
    private static final String MARK_FAILED = "UPDATE outbox_event SET attempts = attempts + 1, last_error = ?"
            + " WHERE id = ANY (?::bigint[]) AND published_at IS NULL";
    private static final String PENDING = "SELECT count(*) FROM outbox_event WHERE published_at IS NULL";
    private static final String PURGE = """
            DELETE FROM outbox_event WHERE id IN (
                SELECT id FROM outbox_event WHERE published_at < now() - make_interval(secs => ?) LIMIT 10000)
            """;

    private final OutboxConfig config;
    private final Clock clock;
    private final Jdbc jdbc;
    private final String clientId;
    private final Map<String, Object> clientSecurity;
    private final Counter published;
    private final Counter failedBatches;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wakeRequested;
    private volatile boolean running;
    private volatile int consecutiveFailures;
    private volatile String lastError;
    private volatile Instant lastPublishedAt;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(OutboxConfig config, Jdbc jdbc, MeterRegistry meters, String applicationName, Clock clock) {
        this(config, jdbc, meters, applicationName, Map.of(), clock);
    }

    /**
     * {@code kafkaClient} is the Kafka client configuration every channel of the service gets ({@code kafka.*} and
     * {@code KAFKA_*}): the relay takes its authentication and TLS settings from it ({@code security.*}, {@code sasl.*},
     * {@code ssl.*}), so that it connects as the service's own Kafka user (deploy/k8s: SCRAM over TLS).
     */
    @Inject
    public OutboxRelay(
            OutboxConfig config,
            Jdbc jdbc,
            MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "custodian") String applicationName,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaClient,
            Clock clock) {
        this.config = config;
        this.clock = clock;
        this.jdbc = jdbc;
        this.clientId = applicationName + "-outbox";
        this.clientSecurity = clientSecurity(kafkaClient);
        this.published = meters.counter("custodian.outbox.published");
        this.failedBatches = meters.counter("custodian.outbox.failed.batches");
    }

    /** The authentication and TLS settings of a Kafka client configuration; nothing else of it. */
    static Map<String, Object> clientSecurity(Map<String, Object> kafkaClient) {
        Map<String, Object> security = new TreeMap<>();
        kafkaClient.forEach((name, value) -> {
            if ((name.startsWith("security.") || name.startsWith("sasl.") || name.startsWith("ssl."))
                    && value != null
                    && !value.toString().isBlank()) {
                security.put(name, value);
            }
        });
        return security;
    }

    /**
     * The producer settings: {@code acks=all} with idempotence, so a broker failover neither loses nor duplicates; and
     * the service's Kafka authentication, if it has any.
     */
    public Map<String, Object> producerConfig() {
        Map<String, Object> settings = new HashMap<>(clientSecurity);
        settings.putAll(Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, clientId),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                Map.entry(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                        Math.min(10_000, config.sendTimeout().toMillis() / 2)),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                        config.sendTimeout().toMillis()),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 0),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())));
        return Map.copyOf(settings);
    }

    void start(@Observes @Priority(100) StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled on this replica");
            return;
        }
        running = true;
        worker = new Thread(this::loop, clientId + "-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(config.sendTimeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    /** Asks the relay to look for new rows now rather than at its next poll. */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isRunning() {
        return running && worker != null && worker.isAlive();
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastPublishedAt() {
        return lastPublishedAt;
    }

    /** How many rows still wait to be published. */
    public long pending() {
        return jdbc.count(PENDING);
    }

    private void loop() {
        long nextPurge = System.nanoTime();
        while (running) {
            Duration pause = config.pollInterval();
            try {
                int count = relayOneBatch();
                consecutiveFailures = 0;
                if (count == config.batchSize()) {
                    continue;
                }
            } catch (Exception e) {
                failedBatches.increment();
                consecutiveFailures++;
                lastError = describe(e);
                pause = backoff(consecutiveFailures, config.initialBackoff(), config.maxBackoff());
                LOG.warnf(
                        "outbox relay: batch failed (%d in a row), retrying in %s: %s",
                        consecutiveFailures, pause, lastError);
                if (consecutiveFailures % 10 == 0) {
                    closeProducer();
                }
                sleep(pause, false);
                continue;
            }
            if (System.nanoTime() - nextPurge >= 0) {
                purgePublished();
                nextPurge = System.nanoTime() + Duration.ofHours(1).toNanos();
            }
            sleep(pause, true);
        }
    }

    /** The pause after the {@code failures}th failed batch in a row: doubling from {@code initial}, capped at {@code max}. */
    static Duration backoff(int failures, Duration initial, Duration max) {
        long first = initial.toMillis();
        long millis = first << Math.min(Math.max(failures - 1, 0), 20);
        return Duration.ofMillis(Math.min(Math.max(millis, first), max.toMillis()));
    }

    /**
     * Claims, publishes and marks one batch; returns how many rows it published. When Kafka refuses the batch, the
     * rows' attempt count and error are recorded in the same transaction (which releases them) and the failure is
     * rethrown for the caller to back off.
     */
    int relayOneBatch() {
        Batch batch = QuarkusTransaction.requiringNew()
                .timeout((int) config.sendTimeout().toSeconds() + 30)
                .call(this::publishClaimedRows);
        if (batch.failure() != null) {
            throw new OutboxPublishException(batch.failure());
        }
        return batch.published();
    }

    private Batch publishClaimedRows() {
        jdbc.queuePlans();
        List<Row> rows = jdbc.list(CLAIM, Row::read, config.batchSize());
        if (rows.isEmpty()) {
            return new Batch(0, null);
        }
        try {
            send(rows);
        } catch (Exception e) {
            String error = describe(e);
            jdbc.update(MARK_FAILED, error.length() > 1000 ? error.substring(0, 1000) : error, ids(rows));
            return new Batch(0, e);
        }
        jdbc.update(MARK_PUBLISHED, (Object) ids(rows));
        published.increment(rows.size());
        lastPublishedAt = clock.instant();
        return new Batch(rows.size(), null);
    }

    private static String[] ids(List<Row> rows) {
        return rows.stream().map(row -> Long.toString(row.id())).toArray(String[]::new);
    }

    private record Batch(int published, Exception failure) {}

    /** Kafka did not take a batch; its rows wait in the outbox for the next attempt. */
    public static class OutboxPublishException extends RuntimeException {
        OutboxPublishException(Throwable cause) {
            super("Kafka did not acknowledge the batch: " + describe(cause), cause);
        }
    }

    private void send(List<Row> rows) throws Exception {
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            acks.add(kafka.send(record));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** Deletes published rows older than the configured retention. */
    public int purgePublished() {
        int total = 0;
        try {
            int deleted;
            do {
                deleted = QuarkusTransaction.requiringNew()
                        .call(() ->
                                jdbc.update(PURGE, (double) config.retention().toSeconds()));
                total += deleted;
            } while (deleted == 10000);
        } catch (RuntimeException e) {
            LOG.warn("outbox purge failed; will try again later", e);
        }
        return total;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig());
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("closing outbox producer", e);
            }
            producer = null;
        }
    }

    private void sleep(Duration pause, boolean wakeable) {
        lock.lock();
        try {
            long nanos = pause.toNanos();
            while (running && nanos > 0 && !(wakeable && wakeRequested)) {
                nanos = woken.awaitNanos(nanos);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private record Row(long id, String topic, String key, String payload) {
        static Row read(ResultSet row) throws SQLException {
            return new Row(
                    row.getLong("id"), row.getString("topic"), row.getString("event_key"), row.getString("payload"));
        }
    }
}
