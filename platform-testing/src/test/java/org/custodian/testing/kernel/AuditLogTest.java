package org.custodian.testing.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.custodian.platform.audit.AuditChain;
import org.custodian.platform.audit.AuditCheckpoint;
import org.custodian.platform.audit.AuditCheckpointJob;
import org.custodian.platform.audit.AuditCheckpoints;
import org.custodian.platform.audit.AuditDatabaseRole;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditKeys;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.audit.AuditRecord;
import org.custodian.platform.audit.AuditVerification;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.testing.PostgresResource;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

@KernelTest
class AuditLogTest {

    @Inject
    AuditLog auditLog;

    @Inject
    AuditCheckpointJob checkpointJob;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    AuditDatabaseRole databaseRole;

    @Inject
    DataSource dataSource;

    private void record(String school, int n) {
        for (int i = 0; i < n; i++) {
            auditLog.record(new AuditEntry(
                    school,
                    Instant.now(),
                    "dpo-1",
                    "dpo",
                    "pupils/P" + i,
                    "pupil.read",
                    AuditEntry.Outcome.SUCCESS,
                    "req-" + i,
                    null));
        }
    }

    @Test
    void aChangeThroughTheApiIsAuditedWithActorRoleAndRequestId() {
        String school = "300301";
        given().header(
                        "Authorization",
                        TestTokens.role("school-admin")
                                .school(school)
                                .subject("admin-7")
                                .bearer())
                .header("X-Request-Id", "trace-audit-1")
                .contentType("application/json")
                .body("{\"name\":\"audited\",\"colour\":\"RED\"}")
                .post("/api/v1/schools/" + school + "/probes")
                .then()
                .statusCode(201);

        JsonPath log = given().header("Authorization", TestTokens.bearer("auditor", school))
                .get("/api/v1/schools/" + school + "/audit/kernel")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(log.getList("items")).hasSize(1);
        assertThat(log.getString("items[0].actor")).isEqualTo("admin-7");
        assertThat(log.getString("items[0].actorRole")).isEqualTo("school-admin");
        assertThat(log.getString("items[0].action")).isEqualTo("probe.created");
        assertThat(log.getString("items[0].outcome")).isEqualTo("SUCCESS");
        assertThat(log.getString("items[0].requestId")).isEqualTo("trace-audit-1");
        assertThat(log.getString("items[0].hash")).hasSize(64);
        assertThat(log.getString("items[0].keyId")).isEqualTo("test");
        given().header("Authorization", TestTokens.bearer("dpo", school))
                .get("/api/v1/schools/" + school + "/audit/kernel/verification")
                .then()
                .statusCode(200)
                .body("intact", is(true))
                .body("rowsChecked", is(1))
                .body("checkpointSeq", nullValue())
                .body("rowsAfterCheckpoint", is(1));

        checkpointJob.checkpointAll();

        given().header("Authorization", TestTokens.bearer("auditor", school))
                .get("/api/v1/schools/" + school + "/audit/kernel/verification")
                .then()
                .statusCode(200)
                .body("intact", is(true))
                .body("checkpointSeq", is(1))
                .body("checkpointAt", notNullValue())
                .body("rowsAfterCheckpoint", is(0))
                .body("unkeyedRows", is(0));
    }

    @Test
    void theDatabaseRefusesToUpdateOrDelete() {
        String school = "300302";
        record(school, 2);
        assertThatThrownBy(() -> Rows.execute("UPDATE audit_log SET actor = 'x' WHERE school_urn = ?", school))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Rows.execute("DELETE FROM audit_log WHERE school_urn = ?", school))
                .hasStackTraceContaining("append-only");
        assertThat(auditLog.verify(school).intact()).isTrue();
    }

    @Test
    void aChangedRowIsDetected() throws SQLException {
        String school = "300303";
        record(school, 5);
        bypassingTheTrigger(
                "UPDATE audit_log SET actor = 'someone-else' WHERE school_urn = '" + school + "' AND seq = 3");

        AuditVerification result = auditLog.verify(school);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.problem()).contains("changed");
    }

    @Test
    void aDeletedRowIsDetected() throws SQLException {
        String school = "300304";
        record(school, 5);
        bypassingTheTrigger("DELETE FROM audit_log WHERE school_urn = '" + school + "' AND seq = 2");

        AuditVerification result = auditLog.verify(school);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(2);
    }

    @Test
    void aDeletedLastRowIsDetected() throws SQLException {
        String school = "300305";
        record(school, 3);
        bypassingTheTrigger("DELETE FROM audit_log WHERE school_urn = '" + school + "' AND seq = 3");

        assertThat(auditLog.verify(school).intact()).isFalse();
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChainPerSchool() throws Exception {
        String school = "300306";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                writers.add(() -> {
                    record(school, 10);
                    return null;
                });
            }
            for (var f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AuditVerification result = auditLog.verify(school);
        assertThat(result.intact()).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(60);
        assertThat(Rows.count("SELECT count(DISTINCT seq) FROM audit_log WHERE school_urn = ?", school))
                .isEqualTo(60);
        assertThat(LongStream.rangeClosed(1, 60).sum())
                .isEqualTo(Rows.count("SELECT sum(seq) FROM audit_log WHERE school_urn = ?", school));
    }

    @Test
    void schoolsHaveSeparateChains() {
        record("300307", 2);
        record("300308", 3);
        assertThat(auditLog.verify("300307").rowsChecked()).isEqualTo(2);
        assertThat(auditLog.verify("300308").rowsChecked()).isEqualTo(3);
    }

    @Test
    void theOwnerRewritingARowAndRecomputingThePlainHashesIsDetected() throws SQLException {
        // the finding: whoever holds the owner's credentials switches the trigger off, changes a row and recomputes
        // every hash after it with plain SHA-256, head included; before keyed chains the verification said intact
        String school = "300310";
        record(school, 5);
        asTheOwnerWithTheTriggerOff(owner -> {
            owner.createStatement()
                    .execute("UPDATE audit_log SET actor = 'someone-else' WHERE school_urn = '" + school
                            + "' AND seq = 3");
            rehashWithSha256(owner, school, 3);
        });

        AuditVerification result = auditLog.verify(school);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.problem()).contains("row 3 has been changed");
    }

    @Test
    void truncatingTheTailBehindACheckpointIsDetectedAndNotCheckpointedOver() throws SQLException {
        String school = "300311";
        record(school, 5);
        checkpointJob.checkpointAll();
        assertThat(checkpoints.latest(school).orElseThrow().seq()).isEqualTo(5);
        record(school, 2);
        asTheOwnerWithTheTriggerOff(owner -> {
            owner.createStatement().execute("DELETE FROM audit_log WHERE school_urn = '" + school + "' AND seq > 3");
            owner.createStatement()
                    .execute(
                            "UPDATE audit_chain_head SET seq = 3, hash = (SELECT hash FROM audit_log WHERE school_urn = '"
                                    + school + "' AND seq = 3) WHERE school_urn = '" + school + "'");
        });

        AuditVerification result = auditLog.verify(school);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(4);
        assertThat(result.problem()).contains("anchors row 5", "removed");

        // the chain now grows again from row 3, but the job never anchors a chain that does not extend the last
        // checkpoint
        record(school, 4);
        checkpointJob.checkpointAll();
        assertThat(checkpoints.latest(school).orElseThrow().seq()).isEqualTo(5);
        assertThat(auditLog.verify(school).intact()).isFalse();
    }

    @Test
    void theCheckpointJobAnchorsAChainOnlyWhenItGrew() {
        String school = "300312";
        record(school, 3);
        checkpointJob.checkpointAll();
        AuditCheckpoint first = checkpoints.latest(school).orElseThrow();
        assertThat(first.seq()).isEqualTo(3);
        assertThat(first.service()).isEqualTo("kernel-test");

        checkpointJob.checkpointAll();
        assertThat(checkpoints.latest(school).orElseThrow())
                .as("nothing new, no new checkpoint")
                .isEqualTo(first);

        record(school, 2);
        checkpointJob.checkpointAll();
        assertThat(checkpoints.latest(school).orElseThrow().seq()).isEqualTo(5);
        AuditVerification result = auditLog.verify(school);
        assertThat(result.intact()).isTrue();
        assertThat(result.checkpointSeq()).isEqualTo(5);
        assertThat(result.rowsChecked()).isEqualTo(5);
    }

    @Test
    void theServiceRoleCannotDisableTheTriggerChangeDeleteOrAlterTheAuditLog() throws SQLException {
        String school = "300313";
        record(school, 3);
        assertThat(databaseRole.whyUnrestricted())
                .as("the tests' service runs as " + PostgresResource.serviceRole())
                .isEmpty();
        try (Connection service = PostgresResource.connectAs(PostgresResource.serviceRole())) {
            for (String sql : List.of(
                    "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                    "DROP TRIGGER audit_log_append_only ON audit_log",
                    "ALTER TABLE audit_log ADD COLUMN note TEXT",
                    "SET session_replication_role = replica",
                    "UPDATE audit_log SET actor = 'x' WHERE school_urn = '" + school + "'",
                    "DELETE FROM audit_log WHERE school_urn = '" + school + "'",
                    "TRUNCATE audit_log",
                    "DELETE FROM audit_chain_head WHERE school_urn = '" + school + "'",
                    "CREATE TRIGGER quiet BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()",
                    "CREATE TABLE audit_log_copy (seq BIGINT)")) {
                try (Statement statement = service.createStatement()) {
                    assertThatThrownBy(() -> statement.execute(sql))
                            .as(sql)
                            .isInstanceOf(SQLException.class)
                            .hasMessageMatching("(?s).*(permission denied|must be owner).*");
                }
            }
            // it can append, as the service must: a row forged with its credentials alone does not carry the key
            AuditEntry forged = new AuditEntry(
                    school,
                    Instant.now(),
                    "dpo-1",
                    "dpo",
                    "pupils/P9",
                    "pupil.read",
                    AuditEntry.Outcome.SUCCESS,
                    null,
                    null);
            String prev = lastHash(service, school);
            String hash = AuditChain.unkeyedHash(4, prev, forged);
            try (PreparedStatement insert = service.prepareStatement("""
                    INSERT INTO audit_log (school_urn, seq, occurred_at, actor, actor_role, subject, action, outcome, key_id, prev_hash, hash)
                    VALUES (?, 4, now(), 'dpo-1', 'dpo', 'pupils/P9', 'pupil.read', 'SUCCESS', 'test', ?, ?)""")) {
                insert.setString(1, school);
                insert.setString(2, prev);
                insert.setString(3, hash);
                insert.executeUpdate();
            }
            try (Statement statement = service.createStatement()) {
                statement.execute("UPDATE audit_chain_head SET seq = 4, hash = '" + hash + "' WHERE school_urn = '"
                        + school + "'");
            }
        }
        AuditVerification result = auditLog.verify(school);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(4);
    }

    @Test
    void theStartupCheckRefusesAnOwnerOrSuperuserRole() {
        AuditDatabaseRole asOwner = new AuditDatabaseRole(dataSourceAs(PostgresResource.ownerRole()), true);
        assertThat(asOwner.whyUnrestricted()).get().asString().contains("owns audit_log");
        assertThatThrownBy(() -> asOwner.check()).hasMessageContaining("could rewrite the audit log");

        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl(PostgresResource.jdbcUrl(PostgresResource.database()));
        admin.setUser(PostgresResource.user());
        admin.setPassword(PostgresResource.password());
        assertThat(new AuditDatabaseRole(admin, true).whyUnrestricted())
                .get()
                .asString()
                .contains("is a superuser");
    }

    @Test
    void aRotatedKeyKeepsTheOldRowsVerifiable() {
        String school = "300314";
        record(school, 3);
        AuditLog rotated = new AuditLog(
                new Jdbc(dataSource),
                null,
                AuditKeys.parse(
                        "test-2:cxDua0FxKYSbsFkPMGEKJ9wFvbc3dpleP5qm/lzL5sY=,test:tmMQosl/vN8wEuwqpgMn+SVWQmbpphHuG8eKg/hMfDU="),
                checkpoints,
                Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            QuarkusTransaction.requiringNew()
                    .run(() -> rotated.record(new AuditEntry(
                            school,
                            Instant.now(),
                            "dpo-1",
                            "dpo",
                            "pupils/P1",
                            "pupil.read",
                            AuditEntry.Outcome.SUCCESS,
                            null,
                            null)));
        }

        assertThat(Rows.count("SELECT count(*) FROM audit_log WHERE school_urn = ? AND key_id = 'test-2'", school))
                .isEqualTo(3);
        AuditVerification afterRotation = rotated.verify(school);
        assertThat(afterRotation.intact()).isTrue();
        assertThat(afterRotation.rowsChecked()).isEqualTo(6);
        AuditVerification withoutTheNewKey = auditLog.verify(school);
        assertThat(withoutTheNewKey.intact()).isFalse();
        assertThat(withoutTheNewKey.problem()).contains("'test-2'");
    }

    /** What one audit write costs (decision record 0013): N appends to one school's chain, after a warm-up. */
    @Test
    void appendsAreTimedAndStayOneChain() {
        String school = "300309";
        record(school, 200);
        int n = 2000;
        long start = System.nanoTime();
        record(school, n);
        long micros = (System.nanoTime() - start) / 1000;
        System.out.printf("MEASURE audit append: %d records in %d ms, %d us each%n", n, micros / 1000, micros / n);
        start = System.nanoTime();
        AuditVerification result = auditLog.verify(school);
        System.out.printf("MEASURE audit verify: %d rows in %d ms%n", n + 200, (System.nanoTime() - start) / 1_000_000);
        assertThat(result.intact()).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(n + 200);
        start = System.nanoTime();
        checkpointJob.checkpointAll();
        System.out.printf(
                "MEASURE audit checkpoint job (every school of the test database, this one's %d rows walked): %d ms%n",
                n + 200, (System.nanoTime() - start) / 1_000_000);
        assertThat(checkpoints.latest(school).orElseThrow().seq()).isEqualTo(n + 200);
    }

    interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    /** What the holder of the owner's credentials can do: switch the append-only trigger off, work, switch it on. */
    private static void asTheOwnerWithTheTriggerOff(SqlWork work) throws SQLException {
        try (Connection owner = PostgresResource.connectAs(PostgresResource.ownerRole());
                Statement statement = owner.createStatement()) {
            statement.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
            work.run(owner);
            statement.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
        }
    }

    /** Recomputes every row's plain SHA-256 and link from row {@code from} on, and moves the head to match. */
    private static void rehashWithSha256(Connection connection, String school, long from) throws SQLException {
        String prev;
        try (PreparedStatement query =
                connection.prepareStatement("SELECT prev_hash FROM audit_log WHERE school_urn = ? AND seq = ?")) {
            query.setString(1, school);
            query.setLong(2, from);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                prev = row.getString(1);
            }
        }
        List<AuditRecord> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT seq, occurred_at, actor, actor_role, subject, action, outcome, request_id, detail
                FROM audit_log WHERE school_urn = ? AND seq >= ? ORDER BY seq""")) {
            query.setString(1, school);
            query.setLong(2, from);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new AuditRecord(
                            row.getLong(1),
                            new AuditEntry(
                                    school,
                                    row.getObject(2, OffsetDateTime.class).toInstant(),
                                    row.getString(3),
                                    row.getString(4),
                                    row.getString(5),
                                    row.getString(6),
                                    AuditEntry.Outcome.valueOf(row.getString(7)),
                                    row.getString(8),
                                    row.getString(9)),
                            null,
                            null,
                            null));
                }
            }
        }
        for (AuditRecord row : rows) {
            String hash = AuditChain.unkeyedHash(row.seq(), prev, row.entry());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE school_urn = ? AND seq = ?")) {
                update.setString(1, prev);
                update.setString(2, hash);
                update.setString(3, school);
                update.setLong(4, row.seq());
                update.executeUpdate();
            }
            prev = hash;
        }
        try (PreparedStatement head =
                connection.prepareStatement("UPDATE audit_chain_head SET hash = ? WHERE school_urn = ?")) {
            head.setString(1, prev);
            head.setString(2, school);
            head.executeUpdate();
        }
    }

    private static String lastHash(Connection connection, String school) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT hash FROM audit_chain_head WHERE school_urn = ?")) {
            query.setString(1, school);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static DataSource dataSourceAs(String role) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(PostgresResource.jdbcUrl(PostgresResource.database()));
        source.setUser(role);
        source.setPassword(PostgresResource.rolePassword());
        return source;
    }

    /** What an attacker with database access could do: switch the trigger off for their own session. */
    private static void bypassingTheTrigger(String sql) throws SQLException {
        try (Connection connection = PostgresResource.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute(sql);
        }
    }
}
