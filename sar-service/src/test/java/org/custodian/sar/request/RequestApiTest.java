package org.custodian.sar.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.Map;
import org.custodian.sar.testing.Roster;
import org.custodian.sar.testing.SarTest;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@SarTest
class RequestApiTest {

    static String path(Roster school) {
        return "/api/v1/schools/" + school.urn + "/requests";
    }

    static String parent(Roster school, String guardianId) {
        return TestTokens.role("parent").school(school.urn).subject(guardianId).bearer();
    }

    static String dpo(Roster school) {
        return TestTokens.role("dpo").school(school.urn).subject("dpo-carole").bearer();
    }

    static Map<String, Object> access(String pupilId) {
        return Map.of(
                "type",
                "ACCESS",
                "subject",
                Map.of("type", "PUPIL", "id", pupilId),
                "description",
                "Please send me everything you hold about my child.");
    }

    static ValidatableResponse post(Roster school, String token, Object body) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path(school))
                .then();
    }

    static long count(Roster school) {
        return given().header("Authorization", dpo(school))
                .get(path(school))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
    }

    @Test
    void aParentsEleventhRequestOfTheDayIsRefusedAndAuditedButStaffAreNotLimited() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("Q", 8);
        String guardian = school.guardianOf(pupil, true);
        for (int i = 0; i < 10; i++) {
            post(school, parent(school, guardian), access(pupil)).statusCode(201);
        }
        post(school, parent(school, guardian), access(pupil))
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        assertThat(count(school)).isEqualTo(10);
        Map<String, Object> logged = new java.util.HashMap<>(access(pupil));
        logged.put("requester", Map.of("type", "GUARDIAN", "id", guardian));
        logged.put("channel", "LETTER");
        post(school, dpo(school), logged).statusCode(201);
        given().header("Authorization", dpo(school))
                .queryParam("limit", 500)
                .get("/api/v1/schools/" + school.urn + "/audit/requests")
                .then()
                .statusCode(200)
                .body("items.findAll { it.outcome == 'DENIED' && it.action == 'requests.create' }.size()", is(1));
    }

    /** Issue 17: the request list carries a strong ETag; polling it with If-None-Match is a 304 until it changes. */
    @Test
    void theRequestListCarriesAnETagAndIsA304UntilItChanges() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 8);
        String guardian = school.guardianOf(pupil, true);
        var first = given().header("Authorization", dpo(school)).get(path(school));
        String etag = first.then().statusCode(200).extract().header("ETag");
        assertThat(etag).isNotBlank();
        var unchanged = given().header("Authorization", dpo(school))
                .header("If-None-Match", etag)
                .get(path(school));
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.asByteArray()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);

        post(school, parent(school, guardian), access(pupil)).statusCode(201);
        var changed = given().header("Authorization", dpo(school))
                .header("If-None-Match", etag)
                .get(path(school));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.jsonPath().getList("items")).hasSize(1);
    }

    @Test
    void aParentMakesAnAccessRequestForTheirChildUnder13AndSeesItsDeadline() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 8);
        String guardian = school.guardianOf(pupil, true);

        String id = post(school, parent(school, guardian), access(pupil))
                .statusCode(201)
                .header("Location", containsString("/requests/"))
                .header("ETag", is("\"1\""))
                .body("status", is("RECEIVED"))
                .body("requester.type", is("GUARDIAN"))
                .body("requester.id", is(guardian))
                .body("channel", is("ONLINE"))
                .body(
                        "receivedOn",
                        is(LocalDate.now(java.time.ZoneId.of("Europe/London")).toString()))
                .body("childAgreement.childAgeOnReceipt", is(8))
                .body("deadline.rule", is("ONE_CALENDAR_MONTH"))
                .body("deadline.clock", is("RUNNING"))
                .body("deadline.dueOn", notNullValue())
                .body("deadline.workings", hasItem(containsString("One calendar month")))
                .body("nextSteps", hasItem("withdrawal"))
                .body("history[0].action", is("received"))
                .extract()
                .path("id");

        given().header("Authorization", parent(school, guardian))
                .get(path(school) + "/" + id)
                .then()
                .statusCode(200)
                .body("id", is(id))
                .body("deadline.dueOn", notNullValue());
        given().header("Authorization", parent(school, guardian))
                .get(path(school))
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items[0].dueOn", notNullValue());
    }

    @Test
    void aParentOfAChildAged13OrMoreNeedsTheChildsAgreementAsTheNoticeSays() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 14);
        String guardian = school.guardianOf(pupil, true);

        post(school, parent(school, guardian), access(pupil))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("child's agreement"))
                .body("detail", containsString("was 14"))
                .body("detail", containsString("usually under 13"));
        post(
                        school,
                        parent(school, guardian),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "description",
                                "x",
                                "childAgreement",
                                Map.of("recorded", false, "how", "not asked")))
                .statusCode(422);
        org.assertj.core.api.Assertions.assertThat(count(school)).isZero();

        post(
                        school,
                        parent(school, guardian),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "description",
                                "x",
                                "childAgreement",
                                Map.of("recorded", true, "how", "Signed note from the child, 2 March")))
                .statusCode(201)
                .body("childAgreement.how", containsString("Signed note"));
    }

    @Test
    void theCompetenceAgeIsASchoolSetting() {
        Roster school = Roster.newSchool("ACADEMY", "SCOTLAND", 12);
        String pupil = school.pupil("P", 12);
        String guardian = school.guardianOf(pupil, true);
        post(school, parent(school, guardian), access(pupil))
                .statusCode(422)
                .body("detail", containsString("under 12"));
    }

    @Test
    void theEducationalRecordAndAComplaintAreTheParentsOwnRightAtAnyAge() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 15);
        String guardian = school.guardianOf(pupil, true);
        post(
                        school,
                        parent(school, guardian),
                        Map.of(
                                "type",
                                "EDUCATIONAL_RECORD",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "description",
                                "Copy of the educational record please"))
                .statusCode(201)
                .body("deadline.rule", is("FIFTEEN_SCHOOL_DAYS"));
        post(
                        school,
                        parent(school, guardian),
                        Map.of(
                                "type",
                                "COMPLAINT",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "description",
                                "You published my child's photo"))
                .statusCode(201)
                .body("deadline.rule", is("COMPLAINT"))
                .body("deadline.acknowledgeBy", notNullValue());
    }

    @Test
    void aStepParentWhoCaresForTheChildIsTheirParentForTheEducationalRecord() {
        // Education Act 1996 s.576: parental responsibility OR care of the child; refused before issue 24
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        String stepFather = school.guardianOf(pupil, false, true, "STEP_FATHER");
        post(
                        school,
                        parent(school, stepFather),
                        Map.of(
                                "type",
                                "EDUCATIONAL_RECORD",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "description",
                                "Copy of the educational record please"))
                .statusCode(201)
                .body("deadline.rule", is("FIFTEEN_SCHOOL_DAYS"))
                .body(
                        "deadline.workings[0]",
                        containsString("Education (Pupil Information) (England) Regulations 2005"));
        // a subject access request on the child's behalf still needs parental responsibility
        post(
                        school,
                        parent(school, stepFather),
                        Map.of("type", "ACCESS", "subject", Map.of("type", "PUPIL", "id", pupil), "description", "x"))
                .statusCode(404);
        // linked without responsibility and without care: not a parent under s.576 (staff logging it get the reason)
        String uncle = school.guardianOf(pupil, false, false, "UNCLE");
        post(
                        school,
                        parent(school, uncle),
                        Map.of(
                                "type",
                                "EDUCATIONAL_RECORD",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "description",
                                "x"))
                .statusCode(404);
    }

    @Test
    void aWelshMaintainedSchoolCitesTheWelshRegulations() {
        Roster school = Roster.newSchool("MAINTAINED", "ENGLAND_AND_WALES", 13, "WALES");
        String pupil = school.pupil("P", 9);
        String guardian = school.guardianOf(pupil, true);
        post(
                        school,
                        parent(school, guardian),
                        Map.of(
                                "type",
                                "EDUCATIONAL_RECORD",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "description",
                                "Copy of the educational record please"))
                .statusCode(201)
                .body("deadline.workings[0]", containsString("Pupil Information (Wales) Regulations 2011"));
    }

    @Test
    void aScottishSchoolPresumesCompetenceAtTwelve() {
        // DPA 2018 s.208: a child of 12 in Scotland is presumed competent, whatever the school's age setting
        Roster school = Roster.newSchool("MAINTAINED", "SCOTLAND", 13);
        String pupil = school.pupil("P", 12);
        String guardian = school.guardianOf(pupil, true);
        post(
                        school,
                        parent(school, guardian),
                        Map.of("type", "ACCESS", "subject", Map.of("type", "PUPIL", "id", pupil), "description", "x"))
                .statusCode(422)
                .body("detail", containsString("usually under 12"));
        Roster english = Roster.maintainedEnglishSchool();
        String englishPupil = english.pupil("P", 12);
        String englishParent = english.guardianOf(englishPupil, true);
        post(
                        english,
                        parent(english, englishParent),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "PUPIL", "id", englishPupil),
                                "description",
                                "x"))
                .statusCode(201);
    }

    @Test
    void theDposCompetenceAssessmentFromConsentServiceOverridesTheAgeEitherWay() {
        Roster school = Roster.maintainedEnglishSchool();
        String young = school.pupil("P", 9);
        String youngParent = school.guardianOf(young, true);
        String older = school.pupil("P", 14);
        String olderParent = school.guardianOf(older, true);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        school.assessed(young, true, today.minusDays(10));
        school.assessed(older, false, today.minusDays(10));

        // competent at 9: a parent's request needs the child's agreement
        post(school, parent(school, youngParent), access(young))
                .statusCode(422)
                .body("detail", containsString("data protection officer assessed the child"));
        // not yet competent at 14: the parent may ask without it
        post(school, parent(school, olderParent), access(older)).statusCode(201);

        // consent-service's next pupil.updated carries no assessment: withdrawn, the age decides again
        school.pupilUpdated(older, null);
        post(school, parent(school, olderParent), access(older))
                .statusCode(422)
                .body("detail", containsString("was 14"));
    }

    @Test
    void anAssessmentCountsOnlyForRequestsReceivedOnOrAfterTheDayItWasMade() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        String guardian = school.guardianOf(pupil, true);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        school.assessed(pupil, true, today.minusDays(2));
        Map<String, Object> letter = new java.util.HashMap<>(access(pupil));
        letter.put("requester", Map.of("type", "GUARDIAN", "id", guardian));
        letter.put("channel", "LETTER");

        letter.put("receivedOn", today.minusDays(5).toString());
        // received before the DPO assessed the child: the age (9) decides
        post(school, dpo(school), letter).statusCode(201);
        letter.put("receivedOn", today.minusDays(2).toString());
        post(school, dpo(school), letter)
                .statusCode(422)
                .body("detail", containsString("data protection officer assessed the child on " + today.minusDays(2)));
    }

    @Test
    void theCompetenceAssessmentIsNoLongerServedHere() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        given().header("Authorization", dpo(school))
                .contentType(ContentType.JSON)
                .body(Map.of("competent", true, "reason", "x"))
                .put("/api/v1/schools/" + school.urn + "/competence-assessments/" + pupil)
                .then()
                .statusCode(404);
    }

    @Test
    void theEducationalRecordRightIsOnlyForMaintainedSchools() {
        Roster academy = Roster.newSchool("ACADEMY", "ENGLAND_AND_WALES", 13);
        String pupil = academy.pupil("P", 8);
        String guardian = academy.guardianOf(pupil, true);
        post(
                        academy,
                        parent(academy, guardian),
                        Map.of(
                                "type",
                                "EDUCATIONAL_RECORD",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "description",
                                "x"))
                .statusCode(422)
                .body("detail", containsString("maintained schools"))
                .body("detail", containsString("ACCESS"));
        org.assertj.core.api.Assertions.assertThat(count(academy)).isZero();
    }

    @Test
    void parentsActOnlyForTheirOwnChildrenAndThemselves() {
        Roster school = Roster.maintainedEnglishSchool();
        String mine = school.pupil("P", 7);
        String theirs = school.pupil("P", 7);
        String me = school.guardianOf(mine, true);
        String other = school.guardianOf(theirs, true);
        String noResponsibility = school.guardianOf(mine, false);

        post(school, parent(school, me), access(theirs)).statusCode(404).contentType("application/problem+json");
        post(school, parent(school, noResponsibility), access(mine)).statusCode(404);
        post(school, parent(school, me), access("P-does-not-exist")).statusCode(404);
        post(
                        school,
                        parent(school, me),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "GUARDIAN", "id", other),
                                "description",
                                "x"))
                .statusCode(404);
        post(
                        school,
                        parent(school, me),
                        Map.of(
                                "type",
                                "ERASURE",
                                "subject",
                                Map.of("type", "GUARDIAN", "id", me),
                                "description",
                                "Erase my phone number"))
                .statusCode(201)
                .body("subject.type", is("GUARDIAN"));
        org.assertj.core.api.Assertions.assertThat(count(school)).isEqualTo(1);
    }

    @Test
    void parentACannotSeeParentBsRequest() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        String a = school.guardianOf(pupil, true);
        String b = school.guardianOf(pupil, true);
        String idOfB = post(school, parent(school, b), access(pupil))
                .statusCode(201)
                .extract()
                .path("id");

        given().header("Authorization", parent(school, a))
                .get(path(school) + "/" + idOfB)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", is("no request with that id"));
        given().header("Authorization", parent(school, a))
                .get(path(school))
                .then()
                .statusCode(200)
                .body("items", empty());
        given().header("Authorization", parent(school, a))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post(path(school) + "/" + idOfB + "/withdrawal")
                .then()
                .statusCode(404);
        given().header("Authorization", parent(school, b))
                .get(path(school) + "/" + idOfB)
                .then()
                .statusCode(200);
    }

    @Test
    void anotherSchoolIs403AndAWrongRoleIs403() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        post(school, TestTokens.role("dpo").school("999999").bearer(), access(pupil))
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.role("dpo").school("999999").bearer())
                .get(path(school))
                .then()
                .statusCode(403);
        post(school, TestTokens.bearer("staff", school.urn), access(pupil))
                .statusCode(403)
                .contentType("application/problem+json");
        post(school, TestTokens.bearer("partner", school.urn), access(pupil)).statusCode(403);
        given().header("Authorization", TestTokens.bearer("mis", school.urn))
                .get(path(school))
                .then()
                .statusCode(403);
        given().get(path(school)).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void staffLogARequestReceivedByLetter() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        String guardian = school.guardianOf(pupil, true);
        post(
                        school,
                        dpo(school),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "requester",
                                Map.of("type", "GUARDIAN", "id", guardian),
                                "channel",
                                "LETTER",
                                "receivedOn",
                                "2026-01-31",
                                "description",
                                "Letter dated 29 January"))
                .statusCode(201)
                .body("channel", is("LETTER"))
                .body("loggedBy", is("dpo-carole"))
                .body("loggedByRole", is("dpo"))
                .body("receivedOn", is("2026-01-31"))
                .body("deadline.dueOn", is("2026-03-02"));
        // the pupil themselves, by email
        post(
                        school,
                        TestTokens.role("school-admin").school(school.urn).bearer(),
                        Map.of(
                                "type",
                                "RECTIFICATION",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "requester",
                                Map.of("type", "PUPIL", "id", pupil),
                                "channel",
                                "EMAIL",
                                "description",
                                "My date of birth is wrong"))
                .statusCode(201);
    }

    @Test
    void badInputIsAProblemAndNothingIsStored() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        String guardian = school.guardianOf(pupil, true);
        String stranger = "G-not-on-roster";
        Map<String, Object> requester = Map.of("type", "GUARDIAN", "id", guardian);

        post(
                        school,
                        dpo(school),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "requester",
                                requester,
                                "channel",
                                "EMAIL",
                                "receivedOn",
                                LocalDate.now().plusDays(2).toString(),
                                "description",
                                "x"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("receivedOn"));
        post(
                        school,
                        dpo(school),
                        Map.of(
                                "type",
                                "SUBJECT_ACCESS",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "requester",
                                requester,
                                "channel",
                                "EMAIL",
                                "description",
                                "x"))
                .statusCode(400)
                .body("errors[0].message", containsString("ACCESS"));
        post(
                        school,
                        dpo(school),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "TEACHER", "id", pupil),
                                "requester",
                                requester,
                                "channel",
                                "EMAIL",
                                "description",
                                "x"))
                .statusCode(400)
                .body("errors[0].message", containsString("PUPIL"));
        post(
                        school,
                        dpo(school),
                        Map.of(
                                "type",
                                "EDUCATIONAL_RECORD",
                                "subject",
                                Map.of("type", "GUARDIAN", "id", guardian),
                                "requester",
                                requester,
                                "channel",
                                "EMAIL",
                                "description",
                                "x"))
                .statusCode(422)
                .body("detail", containsString("subject of an EDUCATIONAL_RECORD request is a PUPIL"));
        post(
                        school,
                        dpo(school),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "requester",
                                Map.of("type", "GUARDIAN", "id", stranger),
                                "channel",
                                "EMAIL",
                                "description",
                                "x"))
                .statusCode(422)
                .body("detail", containsString("parental responsibility"));
        post(
                        school,
                        dpo(school),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "requester",
                                requester,
                                "description",
                                "x"))
                .statusCode(400)
                .body("errors[0].field", is("channel"));
        post(
                        school,
                        dpo(school),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "requester",
                                requester,
                                "channel",
                                "EMAIL",
                                "description",
                                "x",
                                "status",
                                "COMPLETED"))
                .statusCode(400)
                .body("errors[0].message", containsString("unknown property"));
        given().header("Authorization", dpo(school))
                .contentType(ContentType.JSON)
                .body("{\"type\": ")
                .post(path(school))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        post(
                        school,
                        parent(school, guardian),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "receivedOn",
                                "2026-01-02",
                                "description",
                                "x"))
                .statusCode(400)
                .body("errors[0].field", is("receivedOn"));
        org.assertj.core.api.Assertions.assertThat(count(school)).isZero();

        given().header("Authorization", dpo(school))
                .get(path(school) + "/not-a-uuid")
                .then()
                .statusCode(404);
        given().header("Authorization", dpo(school))
                .get(path(school) + "?status=DONE")
                .then()
                .statusCode(400);
        given().header("Authorization", dpo(school))
                .get(path(school) + "/due?within=7")
                .then()
                .statusCode(400);
    }

    @Test
    void theSameIdempotencyKeyCreatesOnce() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        String guardian = school.guardianOf(pupil, true);
        String token = parent(school, guardian);
        String first = given().header("Authorization", token)
                .header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON)
                .body(access(pupil))
                .post(path(school))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", token)
                .header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON)
                .body(access(pupil))
                .post(path(school))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", is(first));
        given().header("Authorization", token)
                .header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON)
                .body(Map.of("type", "ERASURE", "subject", Map.of("type", "PUPIL", "id", pupil), "description", "x"))
                .post(path(school))
                .then()
                .statusCode(409);
        org.assertj.core.api.Assertions.assertThat(count(school)).isEqualTo(1);
    }

    @Test
    void listsFilterByStatusAndDueDate() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        String guardian = school.guardianOf(pupil, true);
        Map<String, Object> requester = Map.of("type", "GUARDIAN", "id", guardian);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String old = post(
                        school,
                        dpo(school),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "requester",
                                requester,
                                "channel",
                                "EMAIL",
                                "receivedOn",
                                today.minusMonths(2).toString(),
                                "description",
                                "old"))
                .statusCode(201)
                .extract()
                .path("id");
        String fresh = post(
                        school,
                        dpo(school),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "PUPIL", "id", pupil),
                                "requester",
                                requester,
                                "channel",
                                "EMAIL",
                                "description",
                                "new"))
                .statusCode(201)
                .extract()
                .path("id");

        given().header("Authorization", dpo(school))
                .get(path(school) + "?dueBefore=" + today)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(old))
                .body("items", hasSize(1));
        given().header("Authorization", dpo(school))
                .get(path(school) + "/due?within=P7D")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(old))
                .body("items[0].overdue", is(true))
                .body("items", hasSize(1));
        given().header("Authorization", dpo(school))
                .get(path(school) + "/due?within=P40D")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[1].id", is(fresh));
        given().header("Authorization", dpo(school))
                .get(path(school) + "?status=RECEIVED&limit=1")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", notNullValue());
        given().header("Authorization", dpo(school))
                .get(path(school) + "?status=COMPLETED")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("nextCursor", nullValue());
        given().header("Authorization", dpo(school))
                .get(path(school) + "?type=ACCESS")
                .then()
                .statusCode(200)
                .body("items.type", everyItem(is("ACCESS")));
    }
}
