package org.custodian.sar.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.calendar.WorkingDays;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.Topics;
import org.custodian.sar.testing.Events;
import org.custodian.sar.testing.Roster;
import org.custodian.sar.testing.SarTest;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@SarTest
class LifecycleApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    record Fixture(Roster school, String pupil, String guardian) {
        String base() {
            return "/api/v1/schools/" + school.urn + "/requests";
        }

        String dpo() {
            return TestTokens.role("dpo").school(school.urn).subject("dpo-1").bearer();
        }

        String create(String type, LocalDate receivedOn) {
            return given().header("Authorization", dpo())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "type",
                            type,
                            "subject",
                            Map.of("type", "PUPIL", "id", pupil),
                            "requester",
                            Map.of("type", "GUARDIAN", "id", guardian),
                            "channel",
                            "EMAIL",
                            "receivedOn",
                            receivedOn.toString(),
                            "description",
                            type + " request"))
                    .post(base())
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }

        ValidatableResponse act(String id, String action, Map<String, ?> body) {
            return given().header("Authorization", dpo())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(base() + "/" + id + "/" + action)
                    .then();
        }
    }

    static Fixture fixture() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        return new Fixture(school, pupil, school.guardianOf(pupil, true));
    }

    static LocalDate roll(LocalDate date) {
        return WorkingDays.in(Region.ENGLAND_AND_WALES).onOrNext(date);
    }

    @Test
    void identityClarificationAndExtensionMoveTheDeadlineAsTheRulesSay() {
        Fixture f = fixture();
        LocalDate received = TODAY.minusDays(20);
        String id = f.create("ACCESS", received);

        f.act(
                        id,
                        "identity-verification",
                        Map.of(
                                "decision",
                                "REQUIRED",
                                "on",
                                received.plusDays(1).toString(),
                                "note",
                                "photo ID asked"))
                .statusCode(200)
                .body("status", is("AWAITING_IDENTITY"))
                .body("deadline.clock", is("NOT_STARTED"))
                .body("deadline.dueOn", nullValue());
        f.act(id, "completion", Map.of("summary", "done"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("AWAITING_IDENTITY cannot take completion"));
        f.act(id, "extension", Map.of("toldOn", TODAY.toString(), "reason", "complex"))
                .statusCode(409);

        LocalDate confirmed = received.plusDays(5);
        f.act(id, "identity-verification", Map.of("decision", "CONFIRMED", "on", confirmed.toString()))
                .statusCode(200)
                .body("status", is("IN_PROGRESS"))
                .body("deadline.startsOn", is(confirmed.toString()))
                .body("deadline.dueOn", is(roll(confirmed.plusMonths(1)).toString()))
                .body("identity.note", is("photo ID asked"));

        LocalDate asked = received.plusDays(8);
        LocalDate answered = received.plusDays(12);
        f.act(id, "clarification-requests", Map.of("askedOn", asked.toString(), "question", "Which years?"))
                .statusCode(200)
                .body("status", is("AWAITING_CLARIFICATION"))
                .body("deadline.clock", is("PAUSED"))
                .body("deadline.dueOn", nullValue());
        f.act(
                        id,
                        "clarification-responses",
                        Map.of("answeredOn", asked.minusDays(1).toString(), "answer", "x"))
                .statusCode(400);
        f.act(id, "clarification-responses", Map.of("answeredOn", answered.toString(), "answer", "2024 to now"))
                .statusCode(200)
                .body("status", is("IN_PROGRESS"))
                // Art. 12A(5): the day asked and the day answered are both excluded, 8th to 12th = 5 days
                .body("deadline.pausedDays", is(5))
                .body(
                        "deadline.dueOn",
                        is(roll(confirmed.plusMonths(1).plusDays(5)).toString()))
                .body("clarifications[0].answer", is("2024 to now"));

        LocalDate firstMonth = roll(confirmed.plusMonths(1).plusDays(5));
        f.act(id, "extension", Map.of("toldOn", TODAY.plusDays(1).toString(), "reason", "x"))
                .statusCode(400);
        String etag = f.act(id, "extension", Map.of("toldOn", TODAY.toString(), "reason", "Records in three systems"))
                .statusCode(200)
                .body("deadline.extended", is(true))
                .body("deadline.firstMonthDueOn", is(firstMonth.toString()))
                .body(
                        "deadline.dueOn",
                        is(roll(confirmed.plusMonths(3).plusDays(5)).toString()))
                .body("extension.reason", is("Records in three systems"))
                .extract()
                .header("ETag");
        f.act(id, "extension", Map.of("toldOn", TODAY.toString(), "reason", "again"))
                .statusCode(409)
                .body("detail", containsString("already extended"));

        given().header("Authorization", f.dpo())
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body(Map.of("note", "changed my mind"))
                .post(f.base() + "/" + id + "/withdrawal")
                .then()
                .statusCode(412);
        given().header("Authorization", f.dpo())
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "changed my mind"))
                .post(f.base() + "/" + id + "/withdrawal")
                .then()
                .statusCode(200)
                .body("status", is("WITHDRAWN"))
                .body("closedOn", is(TODAY.toString()))
                .body("withdrawal.note", is("changed my mind"))
                .body("history.action", hasItem("extend"));
        f.act(id, "clarification-requests", Map.of("question", "?"))
                .statusCode(409)
                .body("detail", containsString("it is closed"));
    }

    @Test
    void anExtensionToldAfterTheFirstMonthIs409() {
        Fixture f = fixture();
        String id = f.create("ACCESS", TODAY.minusMonths(2));
        f.act(id, "identity-verification", Map.of("decision", "NOT_REQUIRED")).statusCode(200);
        f.act(id, "extension", Map.of("toldOn", TODAY.toString(), "reason", "complex"))
                .statusCode(409)
                .body("detail", containsString("within the first month"));
    }

    @Test
    void clarificationOfAnErasureRequestIsRecordedButTheClockKeepsRunning() {
        Fixture f = fixture();
        LocalDate received = TODAY.minusDays(20);
        String id = f.create("ERASURE", received);
        f.act(id, "identity-verification", Map.of("decision", "NOT_REQUIRED")).statusCode(200);
        f.act(
                        id,
                        "clarification-requests",
                        Map.of("askedOn", received.plusDays(2).toString(), "question", "Which photos?"))
                .statusCode(200)
                .body("status", is("AWAITING_CLARIFICATION"))
                .body("deadline.clock", is("RUNNING"))
                .body("deadline.dueOn", is(roll(received.plusMonths(1)).toString()));
        f.act(id, "clarification-responses", Map.of("answeredOn", TODAY.toString(), "answer", "The sports day ones"))
                .statusCode(200)
                .body("deadline.pausedDays", is(0))
                .body("deadline.dueOn", is(roll(received.plusMonths(1)).toString()))
                .body("deadline.workings", hasItem(containsString("the clock does not stop")));
    }

    @Test
    void aFeeAskedForAfterTheDeadlineIs409AndTheRequestStaysOverdue() {
        Fixture f = fixture();
        LocalDate received = TODAY.minusMonths(2);
        String id = f.create("ACCESS", received);
        f.act(id, "identity-verification", Map.of("decision", "NOT_REQUIRED")).statusCode(200);
        f.act(
                        id,
                        "fee-requests",
                        Map.of(
                                "amount",
                                new BigDecimal("10.00"),
                                "ground",
                                "MANIFESTLY_EXCESSIVE",
                                "explanation",
                                "The fourth identical request this term"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Art. 12(4)"))
                .body("detail", containsString("stays overdue"));
        f.act(id, "refusal", Map.of("ground", "MANIFESTLY_UNFOUNDED", "explanation", "Too late to say so"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("a refusal must be communicated within the time limit"));
        given().header("Authorization", f.dpo())
                .get(f.base() + "/" + id)
                .then()
                .statusCode(200)
                .body("status", is("IN_PROGRESS"))
                .body("deadline.clock", is("RUNNING"))
                .body("deadline.dueOn", is(roll(received.plusMonths(1)).toString()));
    }

    @Test
    void aFeeStartsTheClockWhenPaidAndCarriesTheRightToComplain() {
        Fixture f = fixture();
        LocalDate received = TODAY.minusDays(10);
        String id = f.create("ACCESS", received);
        f.act(
                        id,
                        "fee-requests",
                        Map.of(
                                "requestedOn",
                                received.plusDays(1).toString(),
                                "amount",
                                new BigDecimal("10.00"),
                                "ground",
                                "MANIFESTLY_EXCESSIVE",
                                "explanation",
                                "The fourth identical request this term"))
                .statusCode(200)
                .body("status", is("AWAITING_FEE"))
                .body("deadline.clock", is("NOT_STARTED"))
                .body("fee.rightToComplain", containsString("0303 123 1113"));
        f.act(id, "fee-payments", Map.of("receivedOn", received.plusDays(6).toString()))
                .statusCode(200)
                .body("status", is("IN_PROGRESS"))
                .body("deadline.startsOn", is(received.plusDays(6).toString()));
    }

    @Test
    void aRefusalRecordsTheReasonAndTheIcoAndIsPublished() {
        Fixture f = fixture();
        try (KafkaTestConsumer rights = new KafkaTestConsumer(Topics.RIGHTS)) {
            String id = f.create("ACCESS", TODAY.minusDays(3));
            f.act(id, "refusal", Map.of("ground", "MANIFESTLY_UNFOUNDED", "explanation", "Made to disrupt the school"))
                    .statusCode(200)
                    .body("status", is("REFUSED"))
                    .body("refusal.ground", is("MANIFESTLY_UNFOUNDED"))
                    .body("refusal.rightToComplain", containsString("ico.org.uk/concerns"))
                    .body(
                            "refusal.rightToComplain",
                            containsString("Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF"));
            CloudEvent received = event(rights, id, "uk.custodian.request.received");
            assertThat(received.data().path("type").asText()).isEqualTo("ACCESS");
            assertThat(received.data().path("dueOn").asText()).isNotBlank();
            assertThat(received.subject()).isEqualTo("schools/" + f.school().urn + "/pupils/" + f.pupil());
            CloudEvent completed = event(rights, id, "uk.custodian.request.completed");
            assertThat(completed.data().path("outcome").asText()).isEqualTo("REFUSED");
        }
    }

    @Test
    void aComplaintIsAcknowledgedAndAnsweredWithTheRightToGoToTheIco() {
        Fixture f = fixture();
        try (KafkaTestConsumer rights = new KafkaTestConsumer(Topics.RIGHTS)) {
            LocalDate received = TODAY.minusDays(2);
            String id = f.create("COMPLAINT", received);
            CloudEvent complaint = event(rights, id, "uk.custodian.complaint.received");
            assertThat(complaint.data().path("acknowledgeBy").asText())
                    .isEqualTo(roll(received.plusDays(30)).toString());
            assertThat(complaint.data().path("receivedOn").asText()).isEqualTo(received.toString());

            f.act(id, "extension", Map.of("toldOn", TODAY.toString(), "reason", "x"))
                    .statusCode(409);
            f.act(
                            id,
                            "fee-requests",
                            Map.of(
                                    "amount",
                                    new BigDecimal("5.00"),
                                    "ground",
                                    "MANIFESTLY_EXCESSIVE",
                                    "explanation",
                                    "x"))
                    .statusCode(409);
            f.act(id, "refusal", Map.of("ground", "MANIFESTLY_UNFOUNDED", "explanation", "x"))
                    .statusCode(409);
            f.act(id, "acknowledgement", Map.of("note", "Letter sent"))
                    .statusCode(200)
                    .body("status", is("IN_PROGRESS"))
                    .body("deadline.acknowledgedOn", is(TODAY.toString()))
                    .body(
                            "deadline.acknowledgeBy",
                            is(roll(received.plusDays(30)).toString()));
            f.act(id, "acknowledgement", Map.of()).statusCode(409);
            f.act(
                            id,
                            "completion",
                            Map.of(
                                    "summary",
                                    "The photo was removed the same day; staff were reminded of the consent list."))
                    .statusCode(200)
                    .body("status", is("COMPLETED"))
                    .body("completion.rightToComplain", containsString("complain to the ICO"));
        }
    }

    @Test
    void anEducationalRecordRequestCountsSchoolDaysAndCannotBeExtended() {
        Fixture f = fixture();
        String id = f.create("EDUCATIONAL_RECORD", TODAY.minusDays(1));
        f.act(id, "identity-verification", Map.of("decision", "NOT_REQUIRED"))
                .statusCode(200)
                .body("deadline.rule", is("FIFTEEN_SCHOOL_DAYS"))
                .body("deadline.assumedSchoolDays", is(15))
                .body("deadline.dueOn", notNullValue());
        f.act(id, "extension", Map.of("toldOn", TODAY.toString(), "reason", "x"))
                .statusCode(409)
                .body("detail", containsString("cannot be extended"));
    }

    @Test
    void rightsDecisionsArePublishedForSharingAndRetention() {
        Fixture f = fixture();
        try (KafkaTestConsumer rights = new KafkaTestConsumer(Topics.RIGHTS)) {
            String erasure = f.create("ERASURE", TODAY.minusDays(5));
            f.act(erasure, "identity-verification", Map.of("decision", "NOT_REQUIRED"))
                    .statusCode(200);
            f.act(erasure, "completion", Map.of("summary", "x"))
                    .statusCode(409)
                    .body("detail", containsString("answered with a decision"));
            f.act(
                            erasure,
                            "decision",
                            Map.of(
                                    "outcome",
                                    "PARTLY_APPROVED",
                                    "reason",
                                    "Photos erased; the admission register is kept"))
                    .statusCode(400)
                    .body("errors[0].field", is("exemption"));
            f.act(
                            erasure,
                            "decision",
                            Map.of(
                                    "outcome",
                                    "PARTLY_APPROVED",
                                    "exemption",
                                    "LEGAL_OBLIGATION",
                                    "categories",
                                    java.util.List.of("Photographs"),
                                    "reason",
                                    "Photos erased; the admission register is kept"))
                    .statusCode(200)
                    .body("status", is("COMPLETED"))
                    .body("decision.exemption", is("LEGAL_OBLIGATION"))
                    .body("decision.rightToComplain", containsString("0303 123 1113"));
            CloudEvent erased = event(rights, erasure, "uk.custodian.erasure.approved");
            assertThat(erased.data().path("consentBasedOnly").asBoolean()).isTrue();
            assertThat(erased.data().path("pupilId").asText()).isEqualTo(f.pupil());
            assertThat(erased.data().path("categories").get(0).asText()).isEqualTo("Photographs");
            assertThat(event(rights, erasure, "uk.custodian.request.completed")
                            .data()
                            .path("outcome")
                            .asText())
                    .isEqualTo("COMPLETED");

            String rectification = f.create("RECTIFICATION", TODAY.minusDays(5));
            f.act(rectification, "identity-verification", Map.of("decision", "NOT_REQUIRED"))
                    .statusCode(200);
            f.act(
                            rectification,
                            "decision",
                            Map.of(
                                    "outcome",
                                    "APPROVED",
                                    "reason",
                                    "Date of birth was wrong",
                                    "description",
                                    "Date of birth corrected from 2017-03-01 to 2017-01-03",
                                    "categories",
                                    java.util.List.of("Contact details")))
                    .statusCode(200);
            assertThat(event(rights, rectification, "uk.custodian.rectification.approved")
                            .data()
                            .path("description")
                            .asText())
                    .contains("corrected");

            String objection = f.create("OBJECTION", TODAY.minusDays(5));
            f.act(objection, "identity-verification", Map.of("decision", "NOT_REQUIRED"))
                    .statusCode(200);
            f.act(
                            objection,
                            "decision",
                            Map.of(
                                    "outcome",
                                    "REFUSED",
                                    "exemption",
                                    "COMPELLING_LEGITIMATE_GROUNDS",
                                    "processing",
                                    "DIRECT_MARKETING",
                                    "reason",
                                    "x"))
                    .statusCode(400)
                    .body("detail", containsString("Art. 21(3)"));
            f.act(
                            objection,
                            "decision",
                            Map.of(
                                    "outcome",
                                    "APPROVED",
                                    "processing",
                                    "DIRECT_MARKETING",
                                    "purposes",
                                    java.util.List.of("PTA_NEWSLETTER"),
                                    "reason",
                                    "Direct marketing always stops"))
                    .statusCode(200);
            CloudEvent upheld = event(rights, objection, "uk.custodian.objection.upheld");
            assertThat(upheld.data().path("processing").asText()).isEqualTo("DIRECT_MARKETING");

            String restriction = f.create("RESTRICTION", TODAY.minusDays(5));
            f.act(restriction, "restriction-lift", Map.of("reason", "x")).statusCode(409);
            f.act(restriction, "identity-verification", Map.of("decision", "NOT_REQUIRED"))
                    .statusCode(200);
            f.act(restriction, "decision", Map.of("outcome", "APPROVED", "reason", "Accuracy contested"))
                    .statusCode(200);
            event(rights, restriction, "uk.custodian.processing.restricted");
            f.act(restriction, "restriction-lift", Map.of("reason", "Accuracy verified; the parent was told on Monday"))
                    .statusCode(200)
                    .body("restrictionLift.reason", containsString("verified"));
            event(rights, restriction, "uk.custodian.processing.unrestricted");
            f.act(restriction, "restriction-lift", Map.of("reason", "again")).statusCode(409);

            String refused = f.create("ERASURE", TODAY.minusDays(5));
            f.act(refused, "identity-verification", Map.of("decision", "NOT_REQUIRED"))
                    .statusCode(200);
            f.act(
                            refused,
                            "decision",
                            Map.of(
                                    "outcome",
                                    "REFUSED",
                                    "exemption",
                                    "LEGAL_OBLIGATION",
                                    "reason",
                                    "Admission register"))
                    .statusCode(200)
                    .body("status", is("REFUSED"));
            assertThat(event(rights, refused, "uk.custodian.request.completed")
                            .data()
                            .path("outcome")
                            .asText())
                    .isEqualTo("REFUSED");
            assertThat(rights.drain(Duration.ofMillis(300)))
                    .noneMatch(r -> r.value().contains(refused) && r.value().contains("uk.custodian.erasure.approved"));
        }
    }

    @Test
    void onlyTheDpoDecidesAndOnlyStaffTakeSteps() {
        Fixture f = fixture();
        String id = f.create("ERASURE", TODAY.minusDays(1));
        String admin = TestTokens.role("school-admin").school(f.school().urn).bearer();
        given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "NOT_REQUIRED"))
                .post(f.base() + "/" + id + "/identity-verification")
                .then()
                .statusCode(200);
        given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "reason", "x"))
                .post(f.base() + "/" + id + "/decision")
                .then()
                .statusCode(403);
        given().header(
                        "Authorization",
                        TestTokens.role("parent")
                                .school(f.school().urn)
                                .subject(f.guardian())
                                .bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("question", "?"))
                .post(f.base() + "/" + id + "/clarification-requests")
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer("auditor", f.school().urn))
                .get(f.base() + "/" + id)
                .then()
                .statusCode(200);
    }

    static CloudEvent event(KafkaTestConsumer consumer, String requestId, String type) {
        return Events.await(consumer, requestId, type);
    }
}
