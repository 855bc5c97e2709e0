package org.custodian.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.Topics;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.MovableClock;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@ConsentTest
class ConsentDecisionTest {

    @Inject
    ConsentRecheckJob recheck;

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aParentGrantsAndGetsAReceiptAndOtherServicesHearOfIt() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 7, "MUM", "DAD");
        try (KafkaTestConsumer consents = new KafkaTestConsumer(Topics.CONSENT)) {
            JsonPath receipt = school.parentDecides("MUM", "P1", "PHOTO_PRESS", "GRANTED")
                    .then()
                    .statusCode(201)
                    .header("Location", containsString("/pupils/P1/consents/"))
                    .body("receiptVersion", is("custodian-consent-receipt/1"))
                    .body("controller.schoolUrn", is(school.urn))
                    .body("subject.pupilId", is("P1"))
                    .body("givenBy.id", is("MUM"))
                    .body("givenBy.relationship", is("PARENT"))
                    .body("purpose.code", is("PHOTO_PRESS"))
                    .body("purpose.version", is(1))
                    .body("purpose.wording", containsString("newspapers"))
                    .body("event", is("GRANTED"))
                    .body("effectiveStatus", is("GRANTED"))
                    .body("validUntil", notNullValue())
                    .body("howToWithdraw", containsString("WITHDRAWN"))
                    .extract()
                    .jsonPath();

            var record =
                    consents.await(r -> r.value().contains(receipt.getString("receiptId")), Duration.ofSeconds(20));
            assertThat(record).isPresent();
            assertThat(record.get().key()).isEqualTo(school.urn + ":P1");
            CloudEvent event = CloudEventCodec.fromJson(record.get().value());
            assertThat(event.type()).isEqualTo(EventTypes.CONSENT_GRANTED);
            ConsentEvents.DecisionRecorded data = CloudEventCodec.data(event, ConsentEvents.DecisionRecorded.class);
            assertThat(data.effectiveStatus()).isEqualTo("GRANTED");
            assertThat(data.purpose()).isEqualTo("PHOTO_PRESS");
            assertThat(data.givenById()).isEqualTo("MUM");
        }
        String receiptId = school.as(school.parent("MUM"))
                .get(school.base() + "/pupils/P1/consents?history=true")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("history[0].decisionId");
        school.as(school.parent("MUM"))
                .get(school.base() + "/pupils/P1/consents/" + receiptId)
                .then()
                .statusCode(200)
                .body("receiptId", is(receiptId))
                .body("effectiveStatus", is("GRANTED"));
    }

    @Test
    void theOtherParentsWithdrawalWinsAndIsExplained() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 7, "MUM", "DAD");
        school.parentDecides("MUM", "P1", "PHOTO_WEBSITE", "GRANTED").then().statusCode(201);
        school.parentDecides("DAD", "P1", "PHOTO_WEBSITE", "WITHDRAWN")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("WITHDRAWN"));

        JsonPath view = school.as(school.parent("MUM"))
                .get(school.base() + "/pupils/P1/consents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getString("statuses.find { it.purpose == 'PHOTO_WEBSITE' }.status"))
                .isEqualTo("WITHDRAWN");
        assertThat(view.getBoolean("statuses.find { it.purpose == 'PHOTO_WEBSITE' }.permitted"))
                .isFalse();
        assertThat(view.getList("statuses.find { it.purpose == 'PHOTO_WEBSITE' }.explanation", String.class))
                .anyMatch(line -> line.contains("most restrictive"));
        assertThat(view.getString("statuses.find { it.purpose == 'RESEARCH' }.status"))
                .isEqualTo("NOT_ASKED");
        assertThat(view.getList("history")).as("history only on request").isNull();
    }

    @Test
    void underTheLatestDecisionPolicyTheLaterParentDecidesAndAPolicyChangeRecomputes() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 7, "MUM", "DAD");
        school.parentDecides("DAD", "P1", "PHOTO_DISPLAY", "REFUSED").then().statusCode(201);
        school.parentDecides("MUM", "P1", "PHOTO_DISPLAY", "GRANTED")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("REFUSED"));

        String etag = school.as(school.bearer("dpo"))
                .get(school.base())
                .then()
                .extract()
                .header("ETag");
        school.as(school.bearer("dpo"))
                .header("If-Match", etag)
                .body("""
                {"name":"A School","type":"MAINTAINED","region":"ENGLAND_AND_WALES","competenceAge":13,
                 "conflictPolicy":"LATEST_DECISION"}""")
                .put(school.base())
                .then()
                .statusCode(200);

        assertThat(school.statusOf("P1", "PHOTO_DISPLAY")).isEqualTo("GRANTED");
        assertThat(school.as(school.bearer("staff"))
                        .body("{\"pupils\":[\"P1\"],\"purposes\":[\"PHOTO_DISPLAY\"]}")
                        .post(school.base() + "/consent-checks")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("results[0].statuses.PHOTO_DISPLAY.status"))
                .isEqualTo("GRANTED");
    }

    @Test
    void biometricsOneParentGrantsTheOtherObjectsThenRelentsThenTheChildObjectsAndLaterAgrees() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 9, "MUM", "DAD");
        for (String parent : new String[] {"MUM", "DAD"}) {
            school.as(school.bearer("school-admin"))
                    .body("{\"purpose\":\"BIOMETRIC_CATERING\",\"guardianId\":\"" + parent
                            + "\",\"outcome\":\"NOTIFIED\"}")
                    .post(school.base() + "/pupils/P1/biometric-notices")
                    .then()
                    .statusCode(201);
        }
        school.parentDecides("MUM", "P1", "BIOMETRIC_CATERING", "GRANTED")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("GRANTED"));
        school.parentDecides("DAD", "P1", "BIOMETRIC_CATERING", "REFUSED")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("REFUSED"));
        school.parentDecides("DAD", "P1", "BIOMETRIC_CATERING", "GRANTED")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("GRANTED"));
        school.as(school.pupilToken("P1"))
                .body("""
                {"purpose":"BIOMETRIC_CATERING","decision":"REFUSED","givenBy":{"type":"PUPIL"},"method":"ONLINE"}""")
                .post(school.base() + "/pupils/P1/consents")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("REFUSED"));
        // issue 24: a child who objected and later agrees can say so, and the objection stops applying (s.26(5))
        school.as(school.pupilToken("P1"))
                .body("""
                {"purpose":"BIOMETRIC_CATERING","decision":"GRANTED","givenBy":{"type":"PUPIL"},"method":"ONLINE"}""")
                .post(school.base() + "/pupils/P1/consents")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("GRANTED"));
    }

    @Test
    void aCompetentPupilsOwnRefusalWinsButAYoungerPupilCannotDecideStandardPurposes() {
        Fixture school = Fixture.newSchool();
        school.family("TEEN", 14, "MUM", "DAD");
        school.family("KID", 9, "MUM2", "DAD2");
        school.parentDecides("MUM", "TEEN", "PHOTO_SOCIAL_MEDIA", "GRANTED")
                .then()
                .statusCode(201);
        school.as(school.pupilToken("TEEN"))
                .body("""
                {"purpose":"PHOTO_SOCIAL_MEDIA","decision":"REFUSED","givenBy":{"type":"PUPIL"},"method":"ONLINE"}""")
                .post(school.base() + "/pupils/TEEN/consents")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("REFUSED"));
        school.as(school.pupilToken("KID"))
                .body("""
                {"purpose":"PHOTO_SOCIAL_MEDIA","decision":"REFUSED","givenBy":{"type":"PUPIL"},"method":"ONLINE"}""")
                .post(school.base() + "/pupils/KID/consents")
                .then()
                .statusCode(422)
                .body("detail", containsString("competence age"));
        school.as(school.pupilToken("KID"))
                .body("""
                {"purpose":"PHOTO_SOCIAL_MEDIA","decision":"REFUSED","givenBy":{"type":"PUPIL"},"method":"ONLINE"}""")
                .post(school.base() + "/pupils/TEEN/consents")
                .then()
                .statusCode(404);
    }

    @Test
    void staffRecordAPaperFormForAParentButOnlyForOneWithParentalResponsibility() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 6, "MUM", "DAD");
        school.guardian("GRAN", false, "P1").then().statusCode(201);
        school.as(school.bearer("school-admin"))
                .body("""
                {"purpose":"VIDEO_PERFORMANCES","decision":"GRANTED","givenBy":{"type":"GUARDIAN","guardianId":"MUM"},
                 "method":"PAPER","evidenceRef":"form 2026/117","evidenceDate":"2026-09-03"}""")
                .post(school.base() + "/pupils/P1/consents")
                .then()
                .statusCode(201)
                .body("method", is("PAPER"))
                .body("evidenceRef", is("form 2026/117"))
                .body("recordedBy.role", is("school-admin"));
        school.as(school.bearer("school-admin"))
                .body("""
                {"purpose":"VIDEO_PERFORMANCES","decision":"REFUSED","givenBy":{"type":"GUARDIAN","guardianId":"GRAN"},"method":"PAPER"}""")
                .post(school.base() + "/pupils/P1/consents")
                .then()
                .statusCode(422)
                .body("detail", containsString("parental responsibility"));
        assertThat(school.statusOf("P1", "VIDEO_PERFORMANCES")).isEqualTo("GRANTED");
    }

    @Test
    void whoMayNotRecord() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 6, "MUM", "DAD");
        school.family("OTHER", 6, "OMUM", "ODAD");
        long before = school.decisions();
        school.parentDecides("OMUM", "P1", "PHOTO_PRESS", "GRANTED")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        school.decide(school.parent("MUM"), "P1", "PHOTO_PRESS", "REFUSED", "DAD")
                .then()
                .statusCode(403);
        school.decide(school.bearer("staff"), "P1", "PHOTO_PRESS", "GRANTED", "MUM")
                .then()
                .statusCode(403);
        school.decide(school.bearer("auditor"), "P1", "PHOTO_PRESS", "GRANTED", "MUM")
                .then()
                .statusCode(403);
        school.decide(TestTokens.bearer("partner", school.urn), "P1", "PHOTO_PRESS", "GRANTED", "MUM")
                .then()
                .statusCode(403);
        school.decide(
                        TestTokens.role("parent")
                                .school("999997")
                                .subject("MUM")
                                .bearer(),
                        "P1",
                        "PHOTO_PRESS",
                        "GRANTED",
                        "MUM")
                .then()
                .statusCode(403);
        school.decide(school.bearer("dpo"), "P1", "PHOTO_PRESS", "GRANTED", "MUM")
                .then()
                .statusCode(422)
                .body("detail", containsString("ONLINE is for the person themselves"));
        assertThat(school.decisions()).isEqualTo(before);
        school.as(school.parent("OMUM"))
                .get(school.base() + "/pupils/P1/consents")
                .then()
                .statusCode(404);
    }

    @Test
    void badInputStoresNothingAndEmitsNothing() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 6, "MUM", "DAD");
        long decisions = school.decisions();
        long events = school.outboxEvents();
        String ok =
                "{\"purpose\":\"PHOTO_PRESS\",\"decision\":\"GRANTED\",\"givenBy\":{\"type\":\"GUARDIAN\",\"guardianId\":\"MUM\"},\"method\":\"ONLINE\"";
        String url = school.base() + "/pupils/P1/consents";
        school.as(school.parent("MUM"))
                .body(ok.replace("PHOTO_PRESS", "TATTOOS") + "}")
                .post(url)
                .then()
                .statusCode(400)
                .body("errors[0].field", is("purpose"))
                .body("detail", containsString("unknown purpose"));
        school.as(school.parent("MUM"))
                .body(ok.replace("GRANTED", "MAYBE") + "}")
                .post(url)
                .then()
                .statusCode(400)
                .body("errors[0].field", is("decision"));
        school.as(school.parent("MUM"))
                .body(ok + ",\"evidenceDate\":\"" + LocalDate.now().plusDays(5) + "\"}")
                .post(url)
                .then()
                .statusCode(400)
                .body("errors[0].field", is("evidenceDate"));
        school.as(school.parent("MUM"))
                .body(ok + ",\"purposeVersion\":9}")
                .post(url)
                .then()
                .statusCode(400)
                .body("errors[0].field", is("purposeVersion"));
        school.as(school.parent("MUM"))
                .body(ok + ",\"status\":\"GRANTED\"}")
                .post(url)
                .then()
                .statusCode(400)
                .body("errors[0].field", is("status"));
        school.as(school.parent("MUM"))
                .body(ok)
                .post(url)
                .then()
                .statusCode(400)
                .body("detail", containsString("malformed"));
        school.as(school.bearer("dpo"))
                .body(ok.replace("ONLINE", "PAPER") + "}")
                .post(school.base() + "/pupils/NOBODY/consents")
                .then()
                .statusCode(404);
        school.as(school.parent("MUM"))
                .body(
                        "{\"purpose\":\"PHOTO_PRESS\",\"decision\":\"GRANTED\",\"givenBy\":{\"type\":\"GUARDIAN\"},\"method\":\"ONLINE\"}")
                .post(url)
                .then()
                .statusCode(400)
                .body("errors[0].field", is("givenBy.guardianId"));
        assertThat(school.decisions()).isEqualTo(decisions);
        assertThat(school.outboxEvents()).isEqualTo(events);
    }

    @Test
    void aRetriedDecisionWithTheSameIdempotencyKeyIsRecordedOnce() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 6, "MUM", "DAD");
        String key = UUID.randomUUID().toString();
        String body =
                "{\"purpose\":\"PHOTO_DISPLAY\",\"decision\":\"GRANTED\",\"givenBy\":{\"type\":\"GUARDIAN\",\"guardianId\":\"MUM\"},\"method\":\"ONLINE\"}";
        String first = school.as(school.parent("MUM"))
                .header("Idempotency-Key", key)
                .body(body)
                .post(school.base() + "/pupils/P1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("receiptId");
        String again = school.as(school.parent("MUM"))
                .header("Idempotency-Key", key)
                .body(body)
                .post(school.base() + "/pupils/P1/consents")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .path("receiptId");
        assertThat(again).isEqualTo(first);
        assertThat(school.decisions()).isEqualTo(1);
    }

    @Test
    void decisionsAreAppendOnlyInTheDatabase() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 6, "MUM", "DAD");
        school.parentDecides("MUM", "P1", "PHOTO_DISPLAY", "GRANTED").then().statusCode(201);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> school.count(
                        "WITH d AS (DELETE FROM consent_decision WHERE school_urn = ? RETURNING 1) SELECT count(*) FROM d",
                        school.urn))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void aRewordingThatAsksAgainTurnsGrantsIntoRenewalNeeded() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 6, "MUM", "DAD");
        school.parentDecides("MUM", "P1", "PHOTO_WEBSITE", "GRANTED").then().statusCode(201);
        try (KafkaTestConsumer consents = new KafkaTestConsumer(Topics.CONSENT)) {
            school.as(school.bearer("dpo"))
                    .header("If-Match", "\"1\"")
                    .body("""
                    {"wording":"We would now also show your child's first name next to website photos.","requiresReconsent":true}""")
                    .post(school.base() + "/purposes/PHOTO_WEBSITE/versions")
                    .then()
                    .statusCode(201)
                    .body("currentVersion", is(2))
                    .body("reconsentFrom", is(2));
            assertThat(school.statusOf("P1", "PHOTO_WEBSITE")).isEqualTo("RENEWAL_NEEDED");
            assertThat(consents.await(
                            r -> r.value().contains(EventTypes.PURPOSE_REWORDED)
                                    && r.key().equals(school.urn),
                            Duration.ofSeconds(20)))
                    .isPresent();
            assertThat(consents.await(
                            r -> r.key().equals(school.urn + ":P1") && r.value().contains("RENEWAL_NEEDED"),
                            Duration.ofSeconds(20)))
                    .isPresent();
        }
        school.parentDecides("MUM", "P1", "PHOTO_WEBSITE", "GRANTED")
                .then()
                .statusCode(201)
                .body("purpose.version", is(2))
                .body("effectiveStatus", is("GRANTED"));
        school.as(school.bearer("dpo"))
                .header("If-Match", "\"1\"")
                .body("{\"wording\":\"again\",\"requiresReconsent\":false}")
                .post(school.base() + "/purposes/PHOTO_WEBSITE/versions")
                .then()
                .statusCode(412);
        school.as(school.bearer("school-admin"))
                .header("If-Match", "\"2\"")
                .body("{\"wording\":\"again\",\"requiresReconsent\":false}")
                .post(school.base() + "/purposes/PHOTO_WEBSITE/versions")
                .then()
                .statusCode(403);
    }

    @Test
    void aGrantExpiresAfterItsValidityAndTheJobTellsTheOtherServices() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 6, "MUM", "DAD");
        String validUntil = school.parentDecides("MUM", "P1", "PHOTO_PRESS", "GRANTED")
                .then()
                .statusCode(201)
                .extract()
                .path("validUntil");
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(), LocalDate.parse(validUntil)) + 2;
        try (KafkaTestConsumer consents = new KafkaTestConsumer(Topics.CONSENT)) {
            clock.advance(Duration.ofDays(days));
            assertThat(school.as(school.bearer("staff"))
                            .body("{\"pupils\":[\"P1\"],\"purposes\":[\"PHOTO_PRESS\"]}")
                            .post(school.base() + "/consent-checks")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getString("results[0].statuses.PHOTO_PRESS.status"))
                    .as("expired on read, before the job")
                    .isEqualTo("EXPIRED");
            assertThat(recheck.recheckDue()).isGreaterThanOrEqualTo(1);
            var expired = consents.await(
                    r -> r.key().equals(school.urn + ":P1") && r.value().contains(EventTypes.CONSENT_EXPIRED),
                    Duration.ofSeconds(20));
            assertThat(expired).isPresent();
            assertThat(CloudEventCodec.data(
                                    CloudEventCodec.fromJson(expired.get().value()), ConsentEvents.Expired.class)
                            .validUntil())
                    .isEqualTo(LocalDate.parse(validUntil));
        }
    }

    @Test
    void losingParentalResponsibilityTakesAParentsDecisionOutOfTheCount() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 6, "MUM", "DAD");
        school.parentDecides("DAD", "P1", "PHOTO_DISPLAY", "REFUSED").then().statusCode(201);
        school.parentDecides("MUM", "P1", "PHOTO_DISPLAY", "GRANTED")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("REFUSED"));
        school.guardian("DAD", false, "P1").then().statusCode(200);
        assertThat(school.statusOf("P1", "PHOTO_DISPLAY")).isEqualTo("GRANTED");
        school.as(school.bearer("dpo"))
                .get(school.base() + "/pupils/P1/consents")
                .then()
                .body(
                        "statuses.find { it.purpose == 'PHOTO_DISPLAY' }.explanation",
                        hasItem(containsString("DAD does not hold parental responsibility")));
    }

    @Test
    void aPupilWhoLeftIsNotPermitted() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 6, "MUM", "DAD");
        school.parentDecides("MUM", "P1", "PHOTO_DISPLAY", "GRANTED").then().statusCode(201);
        school.asMis()
                .body(Fixture.pupilJson(
                        LocalDate.now().minusYears(6).minusDays(10),
                        3,
                        LocalDate.now().minusDays(1)))
                .put(school.base() + "/pupils/P1")
                .then()
                .statusCode(200);
        school.as(school.bearer("staff"))
                .body("{\"pupils\":[\"P1\"],\"purposes\":[\"PHOTO_DISPLAY\"]}")
                .post(school.base() + "/consent-checks")
                .then()
                .statusCode(200)
                .body("results[0].onRoll", is(false))
                .body("results[0].statuses.PHOTO_DISPLAY.permitted", is(false));
    }
}
