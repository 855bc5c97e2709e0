package org.custodian.testing.kernel;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.audit.AuditVerification;
import org.custodian.testing.PostgresResource;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

@KernelTest
class AuditLogTest {

    @Inject
    AuditLog auditLog;

    private void record(String school, int n) {
        for (int i = 0; i < n; i++) {
            auditLog.record(new AuditEntry(school, Instant.now(), "dpo-1", "dpo", "pupils/P" + i, "pupil.read",
                    AuditEntry.Outcome.SUCCESS, "req-" + i, null));
        }
    }

    @Test
    void aChangeThroughTheApiIsAuditedWithActorRoleAndRequestId() {
        String school = "300301";
        given().header("Authorization", TestTokens.role("school-admin").school(school).subject("admin-7").bearer())
                .header("X-Request-Id", "trace-audit-1").contentType("application/json")
                .body("{\"name\":\"audited\",\"colour\":\"RED\"}").post("/api/v1/schools/" + school + "/probes")
                .then().statusCode(201);

        JsonPath log = given().header("Authorization", TestTokens.bearer("auditor", school))
                .get("/api/v1/schools/" + school + "/audit/kernel").then().statusCode(200).extract().jsonPath();

        assertThat(log.getList("items")).hasSize(1);
        assertThat(log.getString("items[0].actor")).isEqualTo("admin-7");
        assertThat(log.getString("items[0].actorRole")).isEqualTo("school-admin");
        assertThat(log.getString("items[0].action")).isEqualTo("probe.created");
        assertThat(log.getString("items[0].outcome")).isEqualTo("SUCCESS");
        assertThat(log.getString("items[0].requestId")).isEqualTo("trace-audit-1");
        assertThat(log.getString("items[0].hash")).hasSize(64);
        given().header("Authorization", TestTokens.bearer("dpo", school))
                .get("/api/v1/schools/" + school + "/audit/kernel/verification").then().statusCode(200)
                .body("intact", is(true)).body("rowsChecked", is(1));
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
        bypassingTheTrigger("UPDATE audit_log SET actor = 'someone-else' WHERE school_urn = '" + school + "' AND seq = 3");

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
        assertThat(Rows.count("SELECT count(DISTINCT seq) FROM audit_log WHERE school_urn = ?", school)).isEqualTo(60);
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

    /** What an attacker with database access could do: switch the trigger off for their own session. */
    private static void bypassingTheTrigger(String sql) throws SQLException {
        try (Connection connection = PostgresResource.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute(sql);
        }
    }
}
