package org.custodian.consent.revocation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.platform.events.Topics;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A DPO revokes a subject or a token id at their school, an operator a token id at every school: the event goes out
 * on custodian.revocations.v1 and comes back through the broker to this service's revocation feed, which refuses the
 * tokens within seconds, remembered ones included; a token issued after a subject's revocation works.
 */
@ConsentTest
class TokenRevocationTest {

    static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    void aRevokedSubjectsTokensAreRefusedWithinSecondsAndANewTokenWorks() {
        Fixture school = Fixture.newSchool();
        school.family("KID1", 6, "MUM", "DAD");
        String lostPhone = school.parent("MUM");
        String otherSchool = TestTokens.role("parent")
                .school(Fixture.newSchool().urn)
                .subject("MUM")
                .bearer();
        String dad = school.parent("DAD");
        me(lostPhone).then().statusCode(200);

        long asked = System.nanoTime();
        Response revoked = revoke(school, "{\"subject\":\"MUM\",\"reason\":\"parent reported a lost phone\"}");
        assertThat(revoked.statusCode()).isEqualTo(201);
        JsonPath revocation = revoked.jsonPath();
        assertThat(revocation.getString("subject")).isEqualTo("MUM");
        assertThat(revocation.getString("school")).isEqualTo(school.urn);
        assertThat(revocation.getString("tokenId")).isNull();
        Instant revokedAt = Instant.parse(revocation.getString("revokedAt"));
        assertThat(Instant.parse(revocation.getString("inForceUntil"))).isEqualTo(revokedAt.plus(Duration.ofHours(12)));
        assertThat(revoked.header("Location"))
                .endsWith(school.base() + "/token-revocations/" + revocation.getString("id"));

        await().atMost(WITHIN)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> me(lostPhone).then().statusCode(401));
        System.out.printf(
                "MEASURE revocation: the subject's token refused %d ms after the DPO asked%n",
                (System.nanoTime() - asked) / 1_000_000);
        me(dad).then().statusCode(200);
        me(otherSchool).then().statusCode(200);
        String issuedAfter = TestTokens.role("parent")
                .school(school.urn)
                .subject("MUM")
                .issuedAt(revokedAt.plusSeconds(1))
                .bearer();
        me(issuedAfter).then().statusCode(200);
    }

    @Test
    void aRevokedTokenIdIsRefusedWithinSecondsAndTheSubjectsOtherTokensWork() {
        Fixture school = Fixture.newSchool();
        String jti = UUID.randomUUID().toString();
        String leaked = TestTokens.role("staff")
                .school(school.urn)
                .subject("T-1")
                .tokenId(jti)
                .bearer();
        given().header("Authorization", leaked).get(school.base()).then().statusCode(200);

        revoke(school, "{\"tokenId\":\"" + jti + "\",\"reason\":\"token pasted into a support ticket\"}")
                .then()
                .statusCode(201);

        await().atMost(WITHIN)
                .untilAsserted(() -> given().header("Authorization", leaked)
                        .get(school.base())
                        .then()
                        .statusCode(401));
        given().header(
                        "Authorization",
                        TestTokens.role("staff")
                                .school(school.urn)
                                .subject("T-1")
                                .bearer())
                .get(school.base())
                .then()
                .statusCode(200);
    }

    @Test
    void anOperatorRevokesATokenIdAtEverySchool() {
        String jti = UUID.randomUUID().toString();
        String leaked = TestTokens.role("dpo")
                .school(Fixture.newSchool().urn, Fixture.newSchool().urn)
                .tokenId(jti)
                .bearer();
        me(leaked).then().statusCode(200);

        Response revoked = given().header("Authorization", operator())
                .contentType("application/json")
                .body("{\"tokenId\":\"" + jti + "\",\"reason\":\"found in a public repository\"}")
                .post("/internal/v1/token-revocations");
        assertThat(revoked.statusCode()).isEqualTo(201);
        assertThat(revoked.jsonPath().getString("school")).isNull();
        assertThat(revoked.jsonPath().getString("revokedBy")).isEqualTo("op-1");

        await().atMost(WITHIN).untilAsserted(() -> me(leaked).then().statusCode(401));
        given().header("Authorization", operator())
                .get("/internal/v1/token-revocations/" + revoked.jsonPath().getString("id"))
                .then()
                .statusCode(200);
        assertThat(given().header("Authorization", operator())
                        .get("/internal/v1/token-revocations")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.tokenId"))
                .contains(jti);
    }

    @Test
    void theRevocationIsAnEventAuditedAndListedForTheSchool() {
        Fixture school = Fixture.newSchool();
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.REVOCATIONS)) {
            String id = revoke(school, "{\"subject\":\"T-9\",\"reason\":\"left the school\"}")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getString("id");

            ConsumerRecord<String, String> event = events.await(r -> r.value().contains(id), Duration.ofSeconds(10))
                    .orElseThrow();
            JsonPath cloudEvent = JsonPath.from(event.value());
            assertThat(cloudEvent.getString("type")).isEqualTo("uk.custodian.token.revoked");
            assertThat(cloudEvent.getString("source")).isEqualTo("/custodian/consent-service");
            assertThat(cloudEvent.getString("data.subject")).isEqualTo("T-9");
            assertThat(cloudEvent.getString("data.school")).isEqualTo(school.urn);
            assertThat(cloudEvent.getString("data")).doesNotContain("left the school");
        }
        JsonPath audit = school.as(school.bearer("dpo"))
                .get(school.base() + "/audit/consent")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audit.getList("items.action")).contains("token.revoked");
        JsonPath list = school.as(school.bearer("auditor"))
                .get(school.base() + "/token-revocations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(list.getList("items.subject")).containsExactly("T-9");
        assertThat(list.getList("items.reason")).containsExactly("left the school");
        given().header("Authorization", TestTokens.bearer("dpo", Fixture.newSchool().urn))
                .get("/api/v1/schools/" + Fixture.newSchool().urn + "/token-revocations")
                .then()
                .statusCode(403);
    }

    @Test
    void aRequestThatDoesNotSayExactlyWhatToRevokeIsRefusedAndNothingIsStored() {
        Fixture school = Fixture.newSchool();
        for (String body : new String[] {
            "{\"reason\":\"nothing named\"}",
            "{\"subject\":\"G-1\",\"tokenId\":\"j-1\",\"reason\":\"both named\"}",
            "{\"subject\":\"G-1\\r\\nX: y\",\"reason\":\"a subject no token can carry\"}",
            "{\"subject\":\"../G-1\",\"reason\":\"a subject no token can carry\"}",
            "{\"subject\":\"\",\"reason\":\"empty\"}",
            "{\"subject\":\"G-1\"}",
            "{\"subject\":\"G-1\",\"reason\":\"  \"}"
        }) {
            Response refused = revoke(school, body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(school.count("SELECT count(*) FROM token_revocation WHERE school_urn = ?", school.urn))
                .isZero();
        given().header("Authorization", operator())
                .contentType("application/json")
                .body("{\"reason\":\"nothing named\"}")
                .post("/internal/v1/token-revocations")
                .then()
                .statusCode(400);
    }

    @Test
    void onlyTheDpoRevokesAtASchoolAndOnlyOperatorsAtEverySchool() {
        Fixture school = Fixture.newSchool();
        for (String role : new String[] {"school-admin", "staff", "parent", "mis", "auditor"}) {
            school.as(school.bearer(role))
                    .body("{\"subject\":\"G-1\",\"reason\":\"not mine to revoke\"}")
                    .post(school.base() + "/token-revocations")
                    .then()
                    .statusCode(403);
        }
        given().header("Authorization", school.bearer("dpo"))
                .contentType("application/json")
                .body("{\"tokenId\":\"j-1\",\"reason\":\"every school is not mine\"}")
                .post("/internal/v1/token-revocations")
                .then()
                .statusCode(403);
        given().header("Authorization", operator())
                .contentType("application/json")
                .body("{\"subject\":\"G-1\",\"reason\":\"an operator acts on every school, not one\"}")
                .post(school.base() + "/token-revocations")
                .then()
                .statusCode(403);
    }

    private static Response revoke(Fixture school, String body) {
        return school.as(school.bearer("dpo")).body(body).post(school.base() + "/token-revocations");
    }

    private static Response me(String bearer) {
        return given().header("Authorization", bearer).get("/api/v1/me");
    }

    private static String operator() {
        return TestTokens.role("operator").noSchools().subject("op-1").bearer();
    }
}
