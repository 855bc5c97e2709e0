package org.custodian.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.Topics;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Biometrics as the Protection of Freedoms Act 2012, ss.26–28 has them, through the API: written decisions only, every
 * parent notified (or excepted under s.27(1)), "parent" as s.28(5)–(8) reads it, the student's own consent from 18,
 * the child's objection and later agreement, the alternative offered, the template deleted on objection.
 */
@ConsentTest
class BiometricApiTest {

    @Inject
    ConsentRecheckJob recheck;

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static final String BIO = "BIOMETRIC_CATERING";

    private static Response staffRecords(
            Fixture school, String pupilId, String decision, String guardianId, String method) {
        return school.as(school.bearer("school-admin"))
                .body("{\"purpose\":\"" + BIO + "\",\"decision\":\"" + decision
                        + "\",\"givenBy\":{\"type\":\"GUARDIAN\",\"guardianId\":\"" + guardianId + "\"},\"method\":\""
                        + method + "\",\"evidenceRef\":\"form 17\"}")
                .post(school.base() + "/pupils/" + pupilId + "/consents");
    }

    private static Response pupilDecides(Fixture school, String pupilId, String decision) {
        return school.as(school.pupilToken(pupilId))
                .body("{\"purpose\":\"" + BIO + "\",\"decision\":\"" + decision
                        + "\",\"givenBy\":{\"type\":\"PUPIL\"},\"method\":\"ONLINE\"}")
                .post(school.base() + "/pupils/" + pupilId + "/consents");
    }

    private static Response notice(Fixture school, String pupilId, String guardianId, String outcome) {
        return school.as(school.bearer("school-admin"))
                .body("{\"purpose\":\"" + BIO + "\",\"guardianId\":\"" + guardianId + "\",\"outcome\":\"" + outcome
                        + "\",\"date\":\"" + LocalDate.now().minusDays(1) + "\",\"evidenceRef\":\"letter 2026/4\"}")
                .post(school.base() + "/pupils/" + pupilId + "/biometric-notices");
    }

    /** A person linked to the child as the MIS says: relationship, parental responsibility, care of the child. */
    private static void link(
            Fixture school, String guardianId, String pupilId, String relationship, boolean pr, boolean care) {
        school.asMis()
                .body("{\"name\":\"" + guardianId + "\",\"children\":[{\"pupilId\":\"" + pupilId
                        + "\",\"parentalResponsibility\":" + pr + ",\"relationship\":\"" + relationship
                        + "\",\"hasCare\":" + care + "}]}")
                .put(school.base() + "/guardians/" + guardianId)
                .then()
                .statusCode(201);
    }

    private static JsonPath bio(Fixture school, String pupilId) {
        return school.as(school.bearer("dpo"))
                .get(school.base() + "/pupils/" + pupilId + "/consents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("statuses.find { it.purpose == '" + BIO + "' }");
    }

    @Test
    void aParentsVerbalConsentOrObjectionIsRefusedWithTheReason() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 9, "MUM", "DAD");
        long before = school.decisions();
        staffRecords(school, "P1", "GRANTED", "MUM", "VERBAL")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("in writing"));
        staffRecords(school, "P1", "REFUSED", "DAD", "VERBAL").then().statusCode(422);
        assertThat(school.decisions()).isEqualTo(before);
        // a standard purpose may still be recorded from a conversation
        school.as(school.bearer("school-admin"))
                .body("""
                {"purpose":"PHOTO_DISPLAY","decision":"GRANTED","givenBy":{"type":"GUARDIAN","guardianId":"MUM"},"method":"VERBAL"}""")
                .post(school.base() + "/pupils/P1/consents")
                .then()
                .statusCode(201);
        // on paper it counts
        staffRecords(school, "P1", "GRANTED", "MUM", "PAPER").then().statusCode(201);
    }

    @Test
    void eachParentIsNotifiedInWritingOrExceptedBeforeProcessing() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 9, "MUM", "DAD");
        school.parentDecides("MUM", "P1", BIO, "GRANTED")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("NOTIFICATION_NEEDED"));
        JsonPath status = bio(school, "P1");
        assertThat(status.getBoolean("permitted")).isFalse();
        assertThat(status.getList("explanation", String.class))
                .anyMatch(l -> l.contains("DAD") && l.contains("notified"))
                .anyMatch(l -> l.contains("MUM") && l.contains("notified"));

        notice(school, "P1", "MUM", "NOTIFIED")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("NOTIFICATION_NEEDED"));
        notice(school, "P1", "DAD", "CANNOT_BE_FOUND").then().statusCode(201).body("effectiveStatus", is("GRANTED"));
        assertThat(bio(school, "P1").getBoolean("permitted")).isTrue();

        notice(school, "P1", "NOBODY", "NOTIFIED").then().statusCode(422);
        school.as(school.bearer("school-admin"))
                .body("{\"purpose\":\"PHOTO_DISPLAY\",\"guardianId\":\"MUM\",\"outcome\":\"NOTIFIED\"}")
                .post(school.base() + "/pupils/P1/biometric-notices")
                .then()
                .statusCode(422)
                .body("detail", containsString("biometric"));
        school.as(school.bearer("school-admin"))
                .body("{\"purpose\":\"" + BIO + "\",\"guardianId\":\"MUM\",\"outcome\":\"MAYBE\"}")
                .post(school.base() + "/pupils/P1/biometric-notices")
                .then()
                .statusCode(400);
        school.as(school.bearer("staff"))
                .body("{\"purpose\":\"" + BIO + "\",\"guardianId\":\"MUM\",\"outcome\":\"NOTIFIED\"}")
                .post(school.base() + "/pupils/P1/biometric-notices")
                .then()
                .statusCode(403);
    }

    @Test
    void aParentIsAnyParentOfTheChildNotOnlyOneWithParentalResponsibility() {
        Fixture school = Fixture.newSchool();
        school.pupil("P1", LocalDate.now().minusYears(10)).then().statusCode(201);
        link(school, "MUM", "P1", "MOTHER", true, true);
        link(school, "DAD", "P1", "FATHER", false, false); // s.28(5): a parent of the child, without PR
        link(school, "STEP", "P1", "STEP_PARENT", false, true); // has care, but only counts under s.28(6)
        school.parentDecides("MUM", "P1", BIO, "GRANTED").then().statusCode(201);
        notice(school, "P1", "MUM", "NOTIFIED").then().statusCode(201);
        assertThat(bio(school, "P1").getString("status"))
                .as("the father must be notified too")
                .isEqualTo("NOTIFICATION_NEEDED");
        notice(school, "P1", "DAD", "NOTIFIED").then().statusCode(201).body("effectiveStatus", is("GRANTED"));
        notice(school, "P1", "STEP", "NOTIFIED").then().statusCode(422).body("detail", containsString("s.28"));
        // his written objection counts, recorded by the office from his paper form
        staffRecords(school, "P1", "REFUSED", "DAD", "PAPER")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("REFUSED"));
    }

    @Test
    void whenNoParentCanBeAskedTheCarerOrTheLocalAuthorityIsTheParent() {
        Fixture school = Fixture.newSchool();
        school.pupil("P1", LocalDate.now().minusYears(8)).then().statusCode(201);
        link(school, "MUM", "P1", "MOTHER", true, false);
        link(school, "GRAN", "P1", "GRANDPARENT", false, true);
        notice(school, "P1", "MUM", "WELFARE").then().statusCode(201);
        // s.28(6): the grandmother who has care of the child is now a parent for the Act
        notice(school, "P1", "GRAN", "NOTIFIED").then().statusCode(201);
        staffRecords(school, "P1", "GRANTED", "GRAN", "PAPER")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("GRANTED"));

        school.pupil("P2", LocalDate.now().minusYears(8)).then().statusCode(201);
        link(school, "MUM2", "P2", "MOTHER", true, false);
        link(school, "FOSTER", "P2", "FOSTER_CARER", false, true);
        link(school, "LA-HERTS", "P2", "LOCAL_AUTHORITY", true, false);
        notice(school, "P2", "MUM2", "CANNOT_BE_FOUND").then().statusCode(201);
        notice(school, "P2", "FOSTER", "NOTIFIED").then().statusCode(422);
        notice(school, "P2", "LA-HERTS", "NOTIFIED").then().statusCode(201);
        staffRecords(school, "P2", "GRANTED", "FOSTER", "PAPER").then().statusCode(201);
        assertThat(bio(school, "P2").getString("status"))
                .as("s.28(7): for a looked-after child the local authority, not the foster carer")
                .isEqualTo("NOT_ASKED");
        staffRecords(school, "P2", "GRANTED", "LA-HERTS", "PAPER")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("GRANTED"));
    }

    @Test
    void fromEighteenTheStudentsOwnConsentDecidesAndAParentsDoesNotCount() {
        Fixture school = Fixture.newSchool();
        school.family("SIXTH", 18, "MUM", "DAD");
        school.parentDecides("MUM", "SIXTH", BIO, "GRANTED")
                .then()
                .statusCode(422)
                .body("detail", containsString("18"));
        pupilDecides(school, "SIXTH", "GRANTED").then().statusCode(201).body("effectiveStatus", is("GRANTED"));
        pupilDecides(school, "SIXTH", "WITHDRAWN").then().statusCode(201).body("effectiveStatus", is("WITHDRAWN"));
    }

    @Test
    void onTheEighteenthBirthdayTheJobTakesTheParentsConsentOutOfTheCount() {
        Fixture school = Fixture.newSchool();
        school.pupil("NEARLY", LocalDate.now().minusYears(18).plusDays(3))
                .then()
                .statusCode(201);
        school.guardian("MUM", true, "NEARLY").then().statusCode(201);
        notice(school, "NEARLY", "MUM", "NOTIFIED").then().statusCode(201);
        school.parentDecides("MUM", "NEARLY", BIO, "GRANTED")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("GRANTED"));
        clock.advance(Duration.ofDays(4));
        assertThat(recheck.recheckDue()).isGreaterThanOrEqualTo(1);
        JsonPath status = bio(school, "NEARLY");
        assertThat(status.getString("status")).isEqualTo("NOT_ASKED");
        assertThat(status.getBoolean("permitted")).isFalse();
        assertThat(status.getBoolean("refreshWithPupil")).isTrue();
        assertThat(school.as(school.bearer("staff"))
                        .body("{\"pupils\":[\"NEARLY\"],\"purposes\":[\"" + BIO + "\"]}")
                        .post(school.base() + "/consent-checks")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getBoolean("results[0].statuses." + BIO + ".permitted"))
                .isFalse();
    }

    @Test
    void aChildWhoObjectedCanLaterAgreeAndTheObjectionStopsApplying() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 9, "MUM", "DAD");
        notice(school, "P1", "MUM", "NOTIFIED").then().statusCode(201);
        notice(school, "P1", "DAD", "NOTIFIED").then().statusCode(201);
        school.parentDecides("MUM", "P1", BIO, "GRANTED").then().statusCode(201).body("effectiveStatus", is("GRANTED"));
        pupilDecides(school, "P1", "REFUSED").then().statusCode(201).body("effectiveStatus", is("REFUSED"));
        pupilDecides(school, "P1", "GRANTED").then().statusCode(201).body("effectiveStatus", is("GRANTED"));
    }

    @Test
    void anObjectionRaisesATemplateDeletionAndTheAlternativeIsRecorded() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 9, "MUM", "DAD");
        notice(school, "P1", "MUM", "NOTIFIED").then().statusCode(201);
        notice(school, "P1", "DAD", "NOTIFIED").then().statusCode(201);
        school.parentDecides("MUM", "P1", BIO, "GRANTED").then().statusCode(201);
        try (KafkaTestConsumer consents = new KafkaTestConsumer(Topics.CONSENT)) {
            String decisionId = school.parentDecides("DAD", "P1", BIO, "REFUSED")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getString("receiptId");
            var record = consents.await(
                    r -> r.value().contains("template-deletion-requested")
                            && r.value().contains(decisionId),
                    Duration.ofSeconds(20));
            assertThat(record).isPresent();
            assertThat(record.get().key()).isEqualTo(school.urn + ":P1");
            CloudEvent event = CloudEventCodec.fromJson(record.get().value());
            assertThat(event.type()).isEqualTo("uk.custodian.biometric.template-deletion-requested");
            assertThat(event.data().get("pupilId").asText()).isEqualTo("P1");
            assertThat(event.data().get("purpose").asText()).isEqualTo(BIO);
            assertThat(event.data().get("decisionId").asText()).isEqualTo(decisionId);
            assertThat(event.data().get("reason").asText()).isEqualTo("PARENT_OBJECTED");
        }
        school.as(school.bearer("school-admin"))
                .body("{\"purpose\":\"" + BIO + "\",\"alternative\":\"PIN at the till\",\"offeredOn\":\""
                        + LocalDate.now() + "\"}")
                .post(school.base() + "/pupils/P1/biometric-alternatives")
                .then()
                .statusCode(201);
        JsonPath record = school.as(school.bearer("dpo"))
                .get(school.base() + "/pupils/P1/biometrics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(record.getList("templateDeletions.reason", String.class)).containsExactly("PARENT_OBJECTED");
        assertThat(record.getList("alternatives.alternative", String.class)).containsExactly("PIN at the till");
        assertThat(record.getList("notices.guardianId", String.class)).containsExactlyInAnyOrder("MUM", "DAD");
        assertThat(school.count(
                        "SELECT count(*) FROM biometric_template_deletion WHERE school_urn = ? AND pupil_id = 'P1'",
                        school.urn))
                .isEqualTo(1);
    }

    /** The template-deletion tasks raised for a pupil, and the events announcing them. */
    private static long[] deletions(Fixture school, String pupilId) {
        return new long[] {
            school.count(
                    "SELECT count(*) FROM biometric_template_deletion WHERE school_urn = ? AND pupil_id = ?",
                    school.urn,
                    pupilId),
            school.count(
                    "SELECT count(*) FROM outbox_event WHERE school_urn = ? AND event_type = ? AND event_key = ?",
                    school.urn,
                    "uk.custodian.biometric.template-deletion-requested",
                    school.urn + ":" + pupilId)
        };
    }

    @Test
    void onlyAnObjectionThatStopsPermittedProcessingRaisesATemplateDeletion() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 9, "MUM", "DAD");
        notice(school, "P1", "MUM", "NOTIFIED").then().statusCode(201);
        notice(school, "P1", "DAD", "NOTIFIED").then().statusCode(201);
        school.parentDecides("MUM", "P1", BIO, "GRANTED").then().statusCode(201).body("effectiveStatus", is("GRANTED"));
        assertThat(deletions(school, "P1")).containsExactly(0, 0);

        // processing was permitted: a template may exist, so exactly one task and one event
        school.parentDecides("DAD", "P1", BIO, "REFUSED").then().statusCode(201).body("effectiveStatus", is("REFUSED"));
        assertThat(deletions(school, "P1")).containsExactly(1, 1);

        // processing had already stopped: the other parent's objection, then the child's, raise nothing new
        school.parentDecides("MUM", "P1", BIO, "WITHDRAWN")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("WITHDRAWN"));
        staffRecords(school, "P1", "REFUSED", "DAD", "PAPER").then().statusCode(201);
        pupilDecides(school, "P1", "REFUSED").then().statusCode(201);
        assertThat(deletions(school, "P1")).containsExactly(1, 1);
    }

    @Test
    void anObjectionBeforeProcessingWasEverPermittedRaisesNoTemplateDeletion() {
        Fixture school = Fixture.newSchool();
        // NOT_ASKED: nobody has decided anything
        school.family("P1", 9, "MUM", "DAD");
        school.parentDecides("DAD", "P1", BIO, "REFUSED").then().statusCode(201).body("effectiveStatus", is("REFUSED"));
        pupilDecides(school, "P1", "WITHDRAWN").then().statusCode(201);
        assertThat(deletions(school, "P1")).containsExactly(0, 0);

        // NOTIFICATION_NEEDED: a parent consented, but not every parent was notified, so nothing was processed
        school.family("P2", 9, "MUM2", "DAD2");
        school.parentDecides("MUM2", "P2", BIO, "GRANTED")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("NOTIFICATION_NEEDED"));
        school.parentDecides("DAD2", "P2", BIO, "REFUSED").then().statusCode(201);
        school.parentDecides("MUM2", "P2", BIO, "WITHDRAWN").then().statusCode(201);
        assertThat(deletions(school, "P2")).containsExactly(0, 0);
    }

    @Test
    void readingAPupilsBiometricRecordIsAudited() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 9, "MUM", "DAD");
        notice(school, "P1", "MUM", "NOTIFIED").then().statusCode(201);
        school.as(school.bearer("safeguarding-lead"))
                .get(school.base() + "/pupils/P1/biometrics")
                .then()
                .statusCode(200);
        JsonPath log = school.as(school.bearer("auditor"))
                .queryParam("subject", "pupils/P1")
                .get(school.base() + "/audit/consent")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("items.find { it.action == 'biometric.read' }");
        assertThat(log.getString("actorRole")).isEqualTo("safeguarding-lead");
        assertThat(log.getString("outcome")).isEqualTo("SUCCESS");
        assertThat(log.getString("detail")).contains("1 notice");
    }

    @Test
    void aChildWhoReachesTheCompetenceAgeHasTheirParentsConsentsFlaggedForRefreshing() {
        Fixture school = Fixture.newSchool();
        school.family("TEEN", 14, "MUM", "DAD");
        school.family("KID", 9, "MUM2", "DAD2");
        school.parentDecides("MUM", "TEEN", "PHOTO_DISPLAY", "GRANTED").then().statusCode(201);
        school.parentDecides("MUM2", "KID", "PHOTO_DISPLAY", "GRANTED").then().statusCode(201);
        JsonPath teen = school.as(school.parent("MUM"))
                .get(school.base() + "/pupils/TEEN/consents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("statuses.find { it.purpose == 'PHOTO_DISPLAY' }");
        assertThat(teen.getBoolean("refreshWithPupil")).isTrue();
        assertThat(teen.getList("explanation", String.class)).anyMatch(l -> l.contains("refresh"));
        assertThat(school.as(school.parent("MUM2"))
                        .get(school.base() + "/pupils/KID/consents")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getBoolean("statuses.find { it.purpose == 'PHOTO_DISPLAY' }.refreshWithPupil"))
                .isFalse();
        // once the pupil decides for themself, nothing is left to refresh
        school.as(school.pupilToken("TEEN"))
                .body("""
                {"purpose":"PHOTO_DISPLAY","decision":"GRANTED","givenBy":{"type":"PUPIL"},"method":"ONLINE"}""")
                .post(school.base() + "/pupils/TEEN/consents")
                .then()
                .statusCode(201);
        assertThat(school.as(school.parent("MUM"))
                        .get(school.base() + "/pupils/TEEN/consents")
                        .then()
                        .extract()
                        .jsonPath()
                        .getBoolean("statuses.find { it.purpose == 'PHOTO_DISPLAY' }.refreshWithPupil"))
                .isFalse();
    }
}
