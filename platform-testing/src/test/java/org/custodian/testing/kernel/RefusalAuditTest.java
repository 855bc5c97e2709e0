package org.custodian.testing.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Issue 17: refused attempts are audited once, in the kernel, with the reason; the log reads in one vocabulary. */
@KernelTest
class RefusalAuditTest {

    @Inject
    AuditLog auditLog;

    @Inject
    MeterRegistry meters;

    private static String probes(String school, String pupil) {
        return "/api/v1/schools/" + school + "/pupils/" + pupil + "/refusal-probes";
    }

    private static JsonPath audit(String school, String query) {
        return given().header("Authorization", TestTokens.bearer("dpo", school))
                .get("/api/v1/schools/" + school + "/audit/kernel" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aWrongRoleIsRefusedAndTheRefusalIsAuditedWithTheReasonInItsOwnTransaction() {
        String school = "301701";
        String parent =
                TestTokens.role("parent").school(school).subject("nosy-parent").bearer();

        given().header("Authorization", parent)
                .post(probes(school, "P7"))
                .then()
                .statusCode(403);

        JsonPath log = audit(school, "?actor=nosy-parent");
        assertThat(log.getList("items")).hasSize(1);
        assertThat(log.getString("items[0].outcome")).isEqualTo("REFUSED");
        assertThat(log.getString("items[0].result")).isEqualTo("REFUSED");
        assertThat(log.getString("items[0].actorRole")).isEqualTo("parent");
        assertThat(log.getString("items[0].action"))
                .isEqualTo("POST /api/v1/schools/{urn}/pupils/{pupilId}/refusal-probes");
        assertThat(log.getString("items[0].subject")).isEqualTo("pupils/P7");
        assertThat(log.getString("items[0].pupil")).isEqualTo("P7");
        assertThat(log.getString("items[0].subjectType")).isEqualTo("pupil");
        assertThat(log.getString("items[0].detail"))
                .startsWith("403 Forbidden: your role does not allow this operation (forbidden)")
                .endsWith("tried to: Touch a pupil's refusal probe");
        assertThat(log.getString("items[0].requestId")).isNotBlank();
        assertThat(log.getString("items[0].words"))
                .startsWith(
                        "Was refused POST /api/v1/schools/{urn}/pupils/{pupilId}/refusal-probes about pupil P7: 403");
        assertThat(log.getString("items[0].service")).isEqualTo("kernel-test");

        given().header("Authorization", TestTokens.bearer("dpo", school))
                .get("/api/v1/schools/" + school + "/audit/kernel/verification")
                .then()
                .statusCode(200)
                .body("intact", is(true));
    }

    @Test
    void aNotFoundForAnotherFamilysRecordAndARuleRefusingAChangeAreAudited() {
        String school = "301702";
        String parent =
                TestTokens.role("parent").school(school).subject("other-family").bearer();
        String dpo = TestTokens.role("dpo").school(school).subject("dpo-rules").bearer();

        given().header("Authorization", parent)
                .get(probes(school, "P8") + "/R1")
                .then()
                .statusCode(404);
        given().header("Authorization", dpo).put(probes(school, "P8")).then().statusCode(422);

        JsonPath notFound = audit(school, "?actor=other-family");
        assertThat(notFound.getList("items")).hasSize(1);
        assertThat(notFound.getString("items[0].action"))
                .isEqualTo("GET /api/v1/schools/{urn}/pupils/{pupilId}/refusal-probes/{id}");
        assertThat(notFound.getString("items[0].subject")).isEqualTo("pupils/P8");
        assertThat(notFound.getString("items[0].detail")).startsWith("404 Not found: no pupil with that id");

        JsonPath rule = audit(school, "?actor=dpo-rules");
        assertThat(rule.getList("items")).hasSize(1);
        assertThat(rule.getString("items[0].detail"))
                .contains("422")
                .contains("a rule refuses the change: the probe is closed");
    }

    @Test
    void aRefusalTheOperationAuditedItselfIsNotAuditedTwiceAndNoIdentityOrBadInputIsNotAudited() {
        String school = "301703";
        String dpo =
                TestTokens.role("dpo").school(school).subject("dpo-remover").bearer();

        given().header("Authorization", dpo).delete(probes(school, "P9")).then().statusCode(403);
        given().post(probes(school, "P9")).then().statusCode(401);
        given().header("Authorization", dpo)
                .get("/api/v1/schools/" + school + "/audit/kernel?limit=nonsense")
                .then()
                .statusCode(400);

        assertThat(Rows.count("SELECT count(*) FROM audit_log WHERE school_urn = ?", school))
                .as("only the operation's own denial")
                .isEqualTo(1);
        assertThat(Rows.count(
                        "SELECT count(*) FROM audit_log WHERE school_urn = ? AND action = 'probe.removal-refused'",
                        school))
                .isEqualTo(1);
    }

    @Test
    void aFloodOfRefusalsIsCappedPerActorAMinuteAndTheDroppedOnesAreCounted() throws InterruptedException {
        String school = "301704";
        String parent = TestTokens.role("parent")
                .school(school)
                .subject("flooding-parent")
                .bearer();
        if (LocalTime.now(ZoneOffset.UTC).getSecond() > 45) {
            Thread.sleep((61 - LocalTime.now(ZoneOffset.UTC).getSecond()) * 1000L); // all of it in one minute
        }
        double droppedBefore =
                meters.counter("custodian.audit.refusals.dropped").count();

        for (int i = 0; i < 9; i++) {
            given().header("Authorization", parent)
                    .post(probes(school, "P1"))
                    .then()
                    .statusCode(403);
        }

        assertThat(Rows.count(
                        "SELECT count(*) FROM audit_log WHERE school_urn = ? AND outcome = 'REFUSED' AND action LIKE 'POST %'",
                        school))
                .as("the cap of the kernel test application is 5 a minute")
                .isEqualTo(5);
        assertThat(Rows.count(
                        "SELECT count(*) FROM audit_log WHERE school_urn = ? AND action = 'audit.refusals-capped'",
                        school))
                .isEqualTo(1);
        assertThat(meters.counter("custodian.audit.refusals.dropped").count() - droppedBefore)
                .isEqualTo(4.0);
        // another actor is not capped by this one's flood
        given().header(
                        "Authorization",
                        TestTokens.role("parent")
                                .school(school)
                                .subject("calm-parent")
                                .bearer())
                .post(probes(school, "P1"))
                .then()
                .statusCode(403);
        assertThat(audit(school, "?actor=calm-parent").getList("items")).hasSize(1);
    }

    private void record(
            String school, String actor, String subject, String action, AuditEntry.Outcome outcome, Instant at) {
        auditLog.record(
                new AuditEntry(school, at, actor, "staff", subject, action, outcome, null, "detail of " + action));
    }

    @Test
    void theLogIsFilteredByPupilActorActionResultAndTimeAndReadsInWords() {
        String school = "301705";
        Instant day1 = Instant.parse("2026-03-01T10:00:00Z");
        Instant day2 = Instant.parse("2026-03-02T10:00:00Z");
        Instant day3 = Instant.parse("2026-03-03T10:00:00Z");
        record(school, "teacher-a", "pupils/P1", "consent.withdrawn", AuditEntry.Outcome.SUCCESS, day1);
        record(
                school,
                "teacher-b",
                "schools/" + school + "/pupils/P1",
                "request.created",
                AuditEntry.Outcome.SUCCESS,
                day2);
        record(school, "teacher-a", "pupils/P2", "consent.granted", AuditEntry.Outcome.SUCCESS, day2);
        record(school, "teacher-b", "recipients/R1", "recipient.created", AuditEntry.Outcome.SUCCESS, day3);
        record(
                school,
                "teacher-a",
                "pupils/P1",
                "GET /api/v1/schools/{urn}/pupils/{pupilId}",
                AuditEntry.Outcome.REFUSED,
                day3);

        assertThat(audit(school, "?pupil=P1").getList("items.seq", Integer.class))
                .as("the pupil in both the forms the services store, newest first")
                .containsExactly(5, 2, 1);
        assertThat(audit(school, "?actor=teacher-b").getList("items.action"))
                .containsExactly("recipient.created", "request.created");
        assertThat(audit(school, "?action=consent").getList("items.action"))
                .as("an action family")
                .containsExactly("consent.granted", "consent.withdrawn");
        assertThat(audit(school, "?action=consent.withdrawn").getList("items.seq", Integer.class))
                .containsExactly(1);
        assertThat(audit(school, "?from=2026-03-02&to=2026-03-02").getList("items.seq", Integer.class))
                .as("a day from its start to its end")
                .containsExactly(3, 2);
        assertThat(audit(school, "?from=2026-03-02T10:00:00Z&to=2026-03-03T10:00:00Z")
                        .getList("items.seq", Integer.class))
                .containsExactly(3, 2);
        assertThat(audit(school, "?result=REFUSED").getList("items.seq", Integer.class))
                .containsExactly(5);
        assertThat(audit(school, "?pupil=P1&actor=teacher-a&result=DONE").getList("items.seq", Integer.class))
                .containsExactly(1);

        JsonPath first = audit(school, "?pupil=P1&limit=2");
        assertThat(first.getList("items.seq", Integer.class)).containsExactly(5, 2);
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotBlank();
        assertThat(audit(school, "?pupil=P1&limit=2&cursor=" + cursor).getList("items.seq", Integer.class))
                .containsExactly(1);

        Map<String, Object> withdrawn =
                audit(school, "?action=consent.withdrawn").getMap("items[0]");
        assertThat(withdrawn)
                .containsEntry("subjectType", "pupil")
                .containsEntry("subjectId", "P1")
                .containsEntry("pupil", "P1")
                .containsEntry("did", "withdrew consent")
                .containsEntry("result", "DONE")
                .containsEntry("words", "Withdrew consent about pupil P1: detail of consent.withdrawn");
        Map<String, Object> recipient =
                audit(school, "?action=recipient.created").getMap("items[0]");
        assertThat(recipient)
                .containsEntry("subjectType", "recipient")
                .containsEntry("subjectId", "R1")
                .containsEntry("did", "added a recipient");
        assertThat(recipient.get("pupil")).isNull();
    }

    @Test
    void badFiltersAreRefusedWithAProblem() {
        String school = "301706";
        String dpo = TestTokens.bearer("dpo", school);
        for (String query : List.of(
                "?from=yesterday",
                "?to=2026-13-01",
                "?result=MAYBE",
                "?pupil=%20bad%20",
                "?from=2026-03-02&to=2026-03-01",
                "?actor=" + "a".repeat(301))) {
            given().header("Authorization", dpo)
                    .get("/api/v1/schools/" + school + "/audit/kernel" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
