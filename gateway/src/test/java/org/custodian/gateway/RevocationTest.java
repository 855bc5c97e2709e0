package org.custodian.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.custodian.gateway.support.GatewayTestProfile;
import org.custodian.testing.TestRevocations;
import org.custodian.testing.TestTokens;
import org.custodian.tokens.Revocation;
import org.junit.jupiter.api.Test;

/**
 * Revocations published on the broker, as consent-service publishes them, are refused by the gateway within seconds
 * (tokens it has already verified and remembers included), and a token issued after a subject's revocation works.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RevocationTest {

    static final String SCHOOL = "100001";
    static final String PUPILS = "/api/v1/schools/" + SCHOOL + "/pupils";
    static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    void aRevokedTokenIdIsRefusedWithinSeconds() {
        String jti = UUID.randomUUID().toString();
        String leaked = TestTokens.role("dpo").school(SCHOOL).tokenId(jti).bearer();
        String other = TestTokens.bearer("dpo", SCHOOL);
        given().header("Authorization", leaked).get(PUPILS).then().statusCode(200);

        TestRevocations.publish(Revocation.ofTokenId(jti, SCHOOL, Instant.now()));

        await().atMost(WITHIN)
                .untilAsserted(() -> given().header("Authorization", leaked)
                        .get(PUPILS)
                        .then()
                        .statusCode(401)
                        .contentType("application/problem+json"));
        given().header("Authorization", other).get(PUPILS).then().statusCode(200);
    }

    @Test
    void aRevokedSubjectIsRefusedWithinSecondsAndATokenIssuedAfterItWorks() {
        String subject = "G-" + UUID.randomUUID();
        String lostPhone =
                TestTokens.role("parent").school(SCHOOL).subject(subject).bearer();
        String atAnotherSchool =
                TestTokens.role("parent").school("100002").subject(subject).bearer();
        given().header("Authorization", lostPhone).get(PUPILS).then().statusCode(200);

        Instant revokedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestRevocations.publish(Revocation.ofSubject(subject, SCHOOL, revokedAt));

        await().atMost(WITHIN)
                .untilAsserted(() -> given().header("Authorization", lostPhone)
                        .get(PUPILS)
                        .then()
                        .statusCode(401));
        given().header("Authorization", atAnotherSchool)
                .get("/api/v1/schools/100002/pupils")
                .then()
                .statusCode(200);
        String newPhone = TestTokens.role("parent")
                .school(SCHOOL)
                .subject(subject)
                .issuedAt(revokedAt.plusSeconds(1))
                .bearer();
        given().header("Authorization", newPhone).get(PUPILS).then().statusCode(200);
    }

    /** Only consent-service may revoke: a record after the impostor's shows when the impostor's has been read. */
    @Test
    void aRevocationFromAnotherSourceIsIgnored() {
        String jti = UUID.randomUUID().toString();
        String token = TestTokens.role("dpo").school(SCHOOL).tokenId(jti).bearer();
        TestRevocations.send(
                TestRevocations.event(Revocation.ofTokenId(jti, null, Instant.now()), "/custodian/sar-service"));
        TestRevocations.publish(Revocation.ofTokenId("marker-" + jti, null, Instant.now()));
        String marker =
                TestTokens.role("dpo").school(SCHOOL).tokenId("marker-" + jti).bearer();
        await().atMost(WITHIN)
                .untilAsserted(() -> given().header("Authorization", marker)
                        .get(PUPILS)
                        .then()
                        .statusCode(401));
        given().header("Authorization", token).get(PUPILS).then().statusCode(200);
    }
}
