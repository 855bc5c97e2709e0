package org.custodian.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.Topics;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.testing.KafkaBroker;
import org.custodian.testing.KafkaResource;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.PostgresResource;
import org.custodian.testing.kernel.KernelTest;
import org.junit.jupiter.api.Test;

/**
 * The relay against the real database and real brokers, with the application's own relay switched off so that the
 * test drives replicas by hand.
 */
@KernelTest
@TestProfile(OutboxRelayTest.RelayOff.class)
class OutboxRelayTest {

    public static class RelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("custodian.outbox.relay.enabled", "false");
        }
    }

    record Settings(String bootstrapServers, int batchSize, Duration sendTimeout, Duration retention)
            implements OutboxConfig {
        @Override
        public boolean relayEnabled() {
            return true;
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofMillis(100);
        }

        @Override
        public Duration initialBackoff() {
            return Duration.ofMillis(100);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofSeconds(1);
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    private OutboxRelay replica(String bootstrap, int batchSize) {
        return new OutboxRelay(
                new Settings(bootstrap, batchSize, Duration.ofSeconds(6), Duration.ofDays(7)),
                new Jdbc(dataSource),
                meters,
                "replica-" + UUID.randomUUID(),
                clock);
    }

    private List<CloudEvent> append(String school, List<String> pupils, int perPupil) {
        List<CloudEvent> events = new ArrayList<>();
        for (int round = 0; round < perPupil; round++) {
            for (String pupil : pupils) {
                CloudEvent event = CloudEvent.aboutPupil(
                        Topics.CONSENT_SERVICE,
                        EventTypes.PUPIL_UPDATED,
                        school,
                        pupil,
                        JsonNodeFactory.instance.objectNode().put("round", round));
                QuarkusTransaction.requiringNew().run(() -> outbox.append(event));
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void aSecondReplicaSkipsLockedRowsAndLaterRowsOfTheSameKey() throws Exception {
        String school = "300601";
        List<String> pupils = List.of("A-" + UUID.randomUUID(), "B-" + UUID.randomUUID(), "C-" + UUID.randomUUID());
        append(school, pupils, 4);

        try (Connection first = PostgresResource.connect();
                Connection second = PostgresResource.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            List<String[]> claimedByFirst = claim(first, 2);
            List<String[]> claimedBySecond = claim(second, 1000);

            Set<String> firstIds = claimedByFirst.stream().map(r -> r[0]).collect(Collectors.toSet());
            Set<String> firstKeys = claimedByFirst.stream().map(r -> r[1]).collect(Collectors.toSet());
            assertThat(claimedByFirst).isNotEmpty();
            assertThat(claimedBySecond).noneMatch(r -> firstIds.contains(r[0]));
            assertThat(claimedBySecond)
                    .as("rows queued behind a row another replica holds")
                    .noneMatch(r -> firstKeys.contains(r[1]));
            first.rollback();
            second.rollback();
        }
    }

    private static List<String[]> claim(Connection connection, int limit) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(OutboxRelay.CLAIM)) {
            claim.setInt(1, limit);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {Long.toString(rs.getLong(1)), rs.getString(3)});
                }
            }
        }
        return rows;
    }

    /**
     * The trap a bulk roster sync set (decision 0023): the claim, prepared while the outbox held a few rows, switched
     * to a generic plan that scans the whole table once per claimed row, and with 150,000 rows waiting one claim took
     * 50-70 s, past the relay's transaction timeout, until autovacuum happened to analyse the table. A temporary table
     * of the same shape (never analysed by autovacuum) stands in for the outbox, on one session, so the plans are
     * this test's alone.
     */
    @Test
    void aClaimPreparedWhileTheOutboxWasNearlyEmptyStaysOnItsIndexesWhenABacklogArrives() throws Exception {
        try (Connection session = PostgresResource.connect()) {
            session.setAutoCommit(false);
            try (var sql = session.createStatement()) {
                sql.execute("CREATE TEMP TABLE outbox_event (LIKE public.outbox_event INCLUDING ALL)");
                sql.execute(fill(1, 20));
                sql.execute("UPDATE outbox_event SET published_at = now() WHERE id <= 15");
                sql.execute("ANALYZE outbox_event");
                sql.execute("PREPARE claim(int) AS " + OutboxRelay.CLAIM.replace("?", "$1"));
                for (int i = 0; i < 8; i++) {
                    sql.execute("EXECUTE claim(500)");
                }
                session.commit();
                sql.execute(fill(21, 30_000));
                session.commit();

                String cached = plan(sql);
                session.rollback();
                sql.execute(Jdbc.QUEUE_PLANS);
                String queue = plan(sql);
                session.rollback();

                assertThat(cached)
                        .as("the plan cached while the table was small (the trap this test sets)")
                        .contains("Seq Scan");
                assertThat(queue).as("the claim under the relay's settings").doesNotContain("Seq Scan");
                assertThat(queue).contains("Index Scan");
            }
        }
    }

    private static String fill(int from, int to) {
        return "INSERT INTO outbox_event (event_id, topic, event_key, event_type, school_urn, payload)"
                + " SELECT gen_random_uuid(), 'custodian.roster.v1', 'P-' || g, 'uk.custodian.pupil.enrolled', '300605',"
                + " repeat('x', 300) FROM generate_series(" + from + ", " + to + ") g";
    }

    private static String plan(java.sql.Statement sql) throws java.sql.SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("EXPLAIN EXECUTE claim(500)")) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    @Test
    void twoReplicasPublishEveryEventOnceAndInOrderPerChild() throws Exception {
        String school = "300602";
        List<String> pupils = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pupils.add("P" + i + "-" + UUID.randomUUID());
        }
        List<CloudEvent> events = append(school, pupils, 25);
        Set<String> ids = events.stream().map(CloudEvent::id).collect(Collectors.toSet());

        try (KafkaTestConsumer consumer = new KafkaTestConsumer(Topics.ROSTER)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> replicas = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    OutboxRelay relay = replica(KafkaResource.bootstrapServers(), 7);
                    replicas.add(() -> drainWith(relay));
                }
                for (Future<Integer> f : pool.invokeAll(replicas)) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.drain(Duration.ofMillis(200)).stream()
                                    .filter(r -> ids.contains(idOf(r)))
                                    .count()
                            >= events.size());
            List<ConsumerRecord<String, String>> ours = consumer.drain(Duration.ofMillis(500)).stream()
                    .filter(r -> ids.contains(idOf(r)))
                    .toList();

            assertThat(ours).hasSize(events.size());
            assertThat(ours.stream().map(OutboxRelayTest::idOf).collect(Collectors.toSet()))
                    .isEqualTo(ids);
            Map<String, List<String>> publishedPerKey = new LinkedHashMap<>();
            ours.forEach(r -> publishedPerKey
                    .computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(idOf(r)));
            for (String pupil : pupils) {
                List<String> written = events.stream()
                        .filter(e -> e.partitionKey().equals(school + ":" + pupil))
                        .map(CloudEvent::id)
                        .toList();
                assertThat(publishedPerKey.get(school + ":" + pupil))
                        .as("order of %s", pupil)
                        .isEqualTo(written);
            }
        }
        assertThat(pendingIn(ids)).isZero();
    }

    private static int drainWith(OutboxRelay relay) {
        int published = 0;
        int idle = 0;
        while (idle < 3) {
            int n = relay.relayOneBatch();
            published += n;
            idle = n == 0 ? idle + 1 : 0;
        }
        return published;
    }

    @Test
    void aStoppedBrokerDelaysEventsAndNeverDropsThem() throws Exception {
        String school = "300603";
        String pupil = "P-" + UUID.randomUUID();
        int[] ports = KafkaBroker.freePorts(2);
        KafkaBroker broker =
                KafkaBroker.start(Files.createTempDirectory("custodian-kafka-restart-"), ports[0], ports[1]);
        try {
            OutboxRelay relay = replica(broker.bootstrapServers(), 50);
            List<CloudEvent> before = append(school, List.of(pupil), 1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> relay.relayOneBatch() == 0 && pendingIn(ids(before)) == 0);

            broker.stop();
            List<CloudEvent> during = append(school, List.of(pupil), 3);
            assertThatThrownBy(relay::relayOneBatch).isNotNull();
            assertThat(pendingIn(ids(during))).as("rows wait in the outbox").isEqualTo(3);
            assertThat(Rows.attemptsAndErrors(dataSource, ids(during)))
                    .allMatch(row -> row.attempts() >= 1 && row.lastError() != null);

            broker = broker.restart();
            OutboxRelay after = relay;
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        try {
                            after.relayOneBatch();
                        } catch (RuntimeException stillConnecting) {
                            return false;
                        }
                        return pendingIn(ids(during)) == 0;
                    });

            try (KafkaTestConsumer consumer =
                    new KafkaTestConsumer(broker.bootstrapServers(), List.of(Topics.ROSTER))) {
                List<String> expected = new ArrayList<>(ids(before));
                expected.addAll(ids(during));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> consumer.drain(Duration.ofMillis(200)).stream()
                                        .filter(r -> expected.contains(idOf(r)))
                                        .count()
                                >= expected.size());
                List<String> received = consumer.drain(Duration.ofMillis(200)).stream()
                        .map(OutboxRelayTest::idOf)
                        .filter(expected::contains)
                        .distinct()
                        .toList();
                assertThat(received).containsExactlyElementsOf(expected);
            }
        } finally {
            broker.close();
        }
    }

    @Test
    void purgeRemovesOnlyPublishedRowsOlderThanTheRetention() {
        String school = "300604";
        List<CloudEvent> events = append(school, List.of("P-" + UUID.randomUUID()), 3);
        List<String> ids = ids(events);
        Rows.markPublished(dataSource, ids.get(0), Duration.ofDays(10));
        Rows.markPublished(dataSource, ids.get(1), Duration.ofHours(1));

        replica(KafkaResource.bootstrapServers(), 10).purgePublished();

        assertThat(Rows.exists(dataSource, ids.get(0)))
                .as("published 10 days ago")
                .isFalse();
        assertThat(Rows.exists(dataSource, ids.get(1)))
                .as("published an hour ago")
                .isTrue();
        assertThat(Rows.exists(dataSource, ids.get(2))).as("never published").isTrue();
    }

    private long pendingIn(Set<String> ids) {
        return Rows.pending(dataSource, ids);
    }

    private long pendingIn(List<String> ids) {
        return Rows.pending(dataSource, new HashSet<>(ids));
    }

    private static List<String> ids(List<CloudEvent> events) {
        return events.stream().map(CloudEvent::id).toList();
    }

    private static String idOf(ConsumerRecord<String, String> record) {
        return CloudEventCodec.fromJson(record.value()).id();
    }

    /** Direct looks at outbox rows. */
    static final class Rows {
        record Attempt(int attempts, String lastError) {}

        static long pending(DataSource ds, Set<String> ids) {
            return QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = ds.getConnection();
                        PreparedStatement q = c.prepareStatement(
                                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND event_id::text = ANY (?)")) {
                    q.setArray(1, c.createArrayOf("text", ids.toArray()));
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        }

        static List<Attempt> attemptsAndErrors(DataSource ds, List<String> ids) {
            return QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = ds.getConnection();
                        PreparedStatement q = c.prepareStatement(
                                "SELECT attempts, last_error FROM outbox_event WHERE event_id::text = ANY (?)")) {
                    q.setArray(1, c.createArrayOf("text", ids.toArray()));
                    List<Attempt> rows = new ArrayList<>();
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Attempt(rs.getInt(1), rs.getString(2)));
                        }
                    }
                    return rows;
                }
            });
        }

        static void markPublished(DataSource ds, String id, Duration ago) {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = ds.getConnection();
                        PreparedStatement u = c.prepareStatement(
                                "UPDATE outbox_event SET published_at = now() - (? * interval '1 second') WHERE event_id::text = ?")) {
                    u.setLong(1, ago.toSeconds());
                    u.setString(2, id);
                    u.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        static boolean exists(DataSource ds, String id) {
            return QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = ds.getConnection();
                        PreparedStatement q =
                                c.prepareStatement("SELECT count(*) FROM outbox_event WHERE event_id::text = ?")) {
                    q.setString(1, id);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        return rs.getLong(1) == 1;
                    }
                }
            });
        }
    }
}
