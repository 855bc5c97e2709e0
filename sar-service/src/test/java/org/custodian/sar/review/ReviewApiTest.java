package org.custodian.sar.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.sar.testing.SourceStandIns.FATHER;
import static org.custodian.sar.testing.SourceStandIns.RESTRICTED;
import static org.custodian.sar.testing.SourceStandIns.STAFF;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.platform.events.RosterEvents;
import org.custodian.sar.testing.Roster;
import org.custodian.sar.testing.SarTest;
import org.custodian.sar.testing.SourceStandIns;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A mother's access request whose sources mention other people (the stand-ins' {@code -people} exports): what names
 * a third party waits for the DPO, is withheld until decided, blocks completion, and leaves as decided.
 */
@SarTest
class ReviewApiTest {

    record Fixture(Roster school, String pupil, String mother, String id) {
        String base() {
            return "/api/v1/schools/" + school.urn + "/requests/" + id;
        }

        String dpo() {
            return TestTokens.role("dpo").school(school.urn).subject("dpo-1").bearer();
        }

        String mothersToken() {
            return TestTokens.role("parent").school(school.urn).subject(mother).bearer();
        }

        ValidatableResponse post(String path, Object body) {
            return post(dpo(), path, body);
        }

        ValidatableResponse post(String bearer, String path, Object body) {
            return given().header("Authorization", bearer)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(base() + path)
                    .then();
        }

        JsonPath items(String query) {
            return given().header("Authorization", dpo())
                    .get(base() + "/bundle/review-items" + query)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
        }

        String item(String text) {
            return items("?limit=500").getString("items.find { it.text == '" + text + "' }.id");
        }

        ValidatableResponse decide(String text, Map<String, ?> decision) {
            return post("/bundle/review-items/" + item(text) + "/decision", decision);
        }

        byte[] pdf(String bearer) {
            return given().header("Authorization", bearer)
                    .get(base() + "/bundle.pdf")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
        }
    }

    /** Ava's mother asks; the roster links the father, and someone whose link is restricted by a court order. */
    static Fixture mothersRequest() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("AVA-people", 9);
        String mother = school.guardianOf(pupil, true);
        school.link(new RosterEvents.GuardianLink(FATHER, pupil, true, "FATHER"));
        school.link(new RosterEvents.GuardianLink(RESTRICTED, pupil, true, "FATHER", true, "COURT_ORDER"));
        String id = given().header(
                        "Authorization",
                        TestTokens.role("parent")
                                .school(school.urn)
                                .subject(mother)
                                .bearer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "ACCESS",
                        "subject",
                        Map.of("type", "PUPIL", "id", pupil),
                        "description",
                        "Everything about Ava"))
                .post("/api/v1/schools/" + school.urn + "/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Fixture f = new Fixture(school, pupil, mother, id);
        f.post("/identity-verification", Map.of("decision", "NOT_REQUIRED")).statusCode(200);
        return f;
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static Map<String, Object> decision(String state, String exemption, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("state", state);
        if (exemption != null) {
            body.put("exemption", exemption);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    @Test
    void whatNamesAnotherPersonWaitsForTheDpoIsWithheldAndLeavesAsDecided() throws IOException {
        Fixture f = mothersRequest();
        f.post("/bundle", Map.of())
                .statusCode(200)
                .body("complete", is(true))
                .body("reviewItems", is(8))
                .body("pendingReview", is(7));

        // every export was told who asks
        for (String service : SourceStandIns.SERVICES) {
            assertThat(SourceStandIns.queryOf(service, f.pupil()))
                    .as(service)
                    .isEqualTo("requesterType=GUARDIAN&requesterId=" + f.mother() + "&requestId=" + f.id());
        }

        // the DPO sees each third party once, wherever it appears; the restricted person's id is redacted already
        JsonPath all = f.items("");
        assertThat(all.getList("items.category", String.class))
                .containsExactly(
                        "OTHER_PERSON_ID",
                        "CONTACT_DETAILS",
                        "CONTACT_DETAILS",
                        "OTHER_PERSON_ID",
                        "FREE_TEXT",
                        "PERSON_ACTING",
                        "FREE_TEXT",
                        "FREE_TEXT");
        assertThat(all.getList("items.text", String.class))
                .containsExactly(
                        FATHER,
                        "David Father",
                        "david.father@example.org",
                        RESTRICTED,
                        "Form signed by Mr Father",
                        STAFF,
                        "Termly census return",
                        "Asked by PC Jones after the incident with David Father");
        assertThat(all.getInt("items.find { it.text == '" + FATHER + "' }.occurrences"))
                .isEqualTo(3);
        assertThat(all.getList("items.find { it.text == '" + STAFF + "' }.sources", String.class))
                .containsExactly("consent", "sharing");
        assertThat(all.getString("items.find { it.text == '" + RESTRICTED + "' }.state"))
                .isEqualTo("REDACT");
        assertThat(all.getBoolean("items.find { it.text == '" + RESTRICTED + "' }.restricted"))
                .isTrue();
        assertThat(f.items("?state=PENDING").getList("items")).hasSize(7);
        assertThat(f.items("?state=PENDING&limit=2").getString("nextCursor")).isNotBlank();

        // pending: the request cannot be completed, and the copy the requester would get holds none of it
        f.post("/completion", Map.of("summary", "Sent"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("7 items"));
        String pending = text(f.pdf(f.dpo()));
        assertThat(pending)
                .doesNotContain(
                        "David Father",
                        "david.father@example.org",
                        FATHER,
                        RESTRICTED,
                        STAFF,
                        "PC Jones",
                        "Mr Father",
                        "Termly census")
                .contains(
                        "Maria Mother",
                        "waiting for the data protection officer's review",
                        "step-parent without parental responsibility");
        // staff read the response whole, with the items and their states
        given().header("Authorization", f.dpo())
                .get(f.base() + "/bundle")
                .then()
                .statusCode(200)
                .body("thirdParties.pendingReview", is(7))
                .body("thirdParties.items.size()", is(8))
                .body("sources.find { it.source == 'consent' }.data.guardians[0].name", is("David Father"));

        // a decision that keeps something back names the exemption and the reason; only the DPO decides
        f.decide(FATHER, decision("WITHHOLD", null, "his id"))
                .statusCode(400)
                .body("errors.field", hasItem("exemption"));
        f.decide(FATHER, decision("REDACT", "THIRD_PARTY_DATA", " "))
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        f.decide(STAFF, decision("RELEASE", "THIRD_PARTY_DATA", null)).statusCode(400);
        f.decide(STAFF, decision("PENDING", null, null)).statusCode(400);
        f.decide(STAFF, decision("CENSOR", null, null)).statusCode(400);
        f.decide("Form signed by Mr Father", decision("REDACT", "THIRD_PARTY_DATA", "names the father"))
                .statusCode(400)
                .body("errors.field", hasItem("redactedText"));
        f.decide(RESTRICTED, decision("RELEASE", null, null))
                .statusCode(409)
                .body("detail", containsString("restricted"));
        f.post(
                        TestTokens.role("school-admin").school(f.school().urn).bearer(),
                        "/bundle/review-items/" + f.item(STAFF) + "/decision",
                        decision("RELEASE", null, null))
                .statusCode(403);
        f.post("/bundle/review-items/00000000-0000-4000-8000-000000000009/decision", decision("RELEASE", null, null))
                .statusCode(404);
        assertThat(f.items("?state=PENDING").getList("items")).hasSize(7);

        f.decide(FATHER, decision("REDACT", "THIRD_PARTY_DATA", "the father has not agreed"))
                .statusCode(200)
                .body("state", is("REDACT"))
                .body("citation", is("DPA 2018 Sch. 2 para 16"))
                .body("decidedBy", is("dpo-1"));
        f.decide("David Father", decision("WITHHOLD", "THIRD_PARTY_DATA", "the father has not agreed"))
                .statusCode(200);
        f.decide("david.father@example.org", decision("WITHHOLD", "THIRD_PARTY_DATA", "the father has not agreed"))
                .statusCode(200);
        f.decide(STAFF, decision("RELEASE", null, "a member of staff acting in their role"))
                .statusCode(200)
                .body("state", is("RELEASE"));
        Map<String, Object> redacted = decision("REDACT", "THIRD_PARTY_DATA", "names the father");
        redacted.put("redactedText", "Form signed by the other parent");
        f.decide("Form signed by Mr Father", redacted)
                .statusCode(200)
                .body("releasedAs", is("Form signed by the other parent"));
        f.decide("Termly census return", decision("RELEASE", null, null)).statusCode(200);
        f.post("/completion", Map.of("summary", "Sent")).statusCode(409).body("detail", containsString("1 item"));
        f.decide(
                        "Asked by PC Jones after the incident with David Father",
                        decision("WITHHOLD", "CRIME_AND_TAXATION", "a police enquiry is open"))
                .statusCode(200);

        // decided: a re-assembly keeps the decisions, and the request is completed
        f.post("/bundle", Map.of()).statusCode(200).body("pendingReview", is(0)).body("reviewItems", is(8));
        f.post("/completion", Map.of("summary", "Sent")).statusCode(200).body("status", is("COMPLETED"));
        f.decide(STAFF, decision("WITHHOLD", "THIRD_PARTY_DATA", "second thoughts"))
                .statusCode(409);

        // the mother's copy: as decided, with what was kept back and under which exemption, and nothing of the
        // restricted person
        String json = given().header("Authorization", f.mothersToken())
                .get(f.base() + "/bundle")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(json)
                .doesNotContain(
                        "David Father",
                        "david.father@example.org",
                        FATHER,
                        RESTRICTED,
                        "PC Jones",
                        "Mr Father",
                        "thirdParties")
                .contains(
                        "Maria Mother",
                        "Form signed by the other parent",
                        "Termly census return",
                        STAFF,
                        "[redacted: DPA 2018 Sch. 2 para 16]",
                        "[withheld: DPA 2018 Sch. 2 para 2]",
                        "step-parent without parental responsibility");
        JsonPath mine = new JsonPath(json);
        assertThat(mine.getList("withheld.state", String.class))
                .containsExactlyInAnyOrder("REDACT", "WITHHOLD", "WITHHOLD", "REDACT", "WITHHOLD");
        assertThat(mine.getList("withheld.citation", String.class))
                .contains("DPA 2018 Sch. 2 para 16", "DPA 2018 Sch. 2 para 2");
        assertThat(mine.getList("sources.find { it.source == 'consent' }.data.guardians.description", String.class))
                .containsExactly("father", "you (mother)", "step-parent without parental responsibility");
        byte[] mothersPdf = f.pdf(f.mothersToken());
        assertThat(mothersPdf).isEqualTo(f.pdf(f.dpo()));
        assertThat(text(mothersPdf))
                .doesNotContain("David Father", "david.father@example.org", FATHER, RESTRICTED, "PC Jones")
                .contains(
                        "Form signed by the other parent",
                        "redacted under DPA 2018 Sch. 2 para 16",
                        "withheld under DPA 2018 Sch. 2 para 2");

        // every decision is in the audit log, with the exemption
        List<String> audited = given().header("Authorization", f.dpo())
                .queryParam("limit", 200)
                .get("/api/v1/schools/" + f.school().urn + "/audit/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.findAll { it.action == 'bundle.review.decided' }.detail", String.class);
        assertThat(audited)
                .hasSize(7)
                .anyMatch(d -> d.contains("PENDING -> WITHHOLD under CRIME_AND_TAXATION (DPA 2018 Sch. 2 para 2)"));
    }

    @Test
    void aPupilsOwnRequestIsAskedForThePupilAndEveryGuardianIsAnotherPerson() throws IOException {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("TOM-people", 14);
        school.link(new RosterEvents.GuardianLink(FATHER, pupil, true, "FATHER"));
        String pupilToken =
                TestTokens.role("pupil").school(school.urn).subject(pupil).bearer();
        String id = given().header("Authorization", pupilToken)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "ACCESS",
                        "subject",
                        Map.of("type", "PUPIL", "id", pupil),
                        "description",
                        "All my data"))
                .post("/api/v1/schools/" + school.urn + "/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Fixture f = new Fixture(school, pupil, null, id);
        f.post("/identity-verification", Map.of("decision", "NOT_REQUIRED")).statusCode(200);
        f.post("/bundle", Map.of()).statusCode(200);

        assertThat(SourceStandIns.queryOf("consent", pupil))
                .isEqualTo("requesterType=PUPIL&requesterId=" + pupil + "&requestId=" + id);
        assertThat(f.items("").getList("items.text", String.class))
                .contains(FATHER, "David Father", "david.father@example.org");
        assertThat(text(f.pdf(f.dpo()))).doesNotContain("david.father@example.org", "David Father");
    }
}
