package org.custodian.sar.bundle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.sar.testing.Roster;
import org.custodian.sar.testing.SarTest;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@SarTest
class BundleApiTest {

    record Fixture(Roster school, String pupil, String guardian, String id) {
        String base() {
            return "/api/v1/schools/" + school.urn + "/requests/" + id;
        }

        String dpo() {
            return TestTokens.role("dpo").school(school.urn).subject("dpo-1").bearer();
        }

        String parent() {
            return TestTokens.role("parent")
                    .school(school.urn)
                    .subject(guardian)
                    .bearer();
        }

        ValidatableResponse post(String path, Map<String, ?> body) {
            return given().header("Authorization", dpo())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(base() + path)
                    .then();
        }
    }

    /** An access request in progress about a pupil whose id tells the stand-in sources how to behave. */
    static Fixture accessRequest(String pupilPrefix) {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil(pupilPrefix, 9);
        String guardian = school.guardianOf(pupil, true);
        String id = given().header(
                        "Authorization",
                        TestTokens.role("parent")
                                .school(school.urn)
                                .subject(guardian)
                                .bearer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "ACCESS",
                        "subject",
                        Map.of("type", "PUPIL", "id", pupil),
                        "description",
                        "Everything about my child"))
                .post("/api/v1/schools/" + school.urn + "/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Fixture f = new Fixture(school, pupil, guardian, id);
        f.post("/identity-verification", Map.of("decision", "NOT_REQUIRED")).statusCode(200);
        return f;
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // lines wrap where the layout decides: compare words, not line breaks
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theResponseGathersEverySourceAndReadsBackAsAPdfTheParentCanDownload() throws IOException {
        Fixture f = accessRequest("P");
        f.post("/bundle", Map.of())
                .statusCode(200)
                .body("complete", is(true))
                .body("sources.status", hasItems("PRESENT"))
                .body("missingSources.size()", is(0));

        given().header("Authorization", f.dpo())
                .get(f.base() + "/bundle")
                .then()
                .statusCode(200)
                .body("format", is("custodian.sar.response/v1"))
                .body("subject.id", is(f.pupil()))
                .body("sources.find { it.source == 'consent' }.data.decisions.purpose", hasItem("PHOTOS_WEBSITE"))
                .body("information.consentPurposes", hasItems("PHOTOS_WEBSITE", "BIOMETRIC_CATERING"))
                .body("information.recipients", hasItems("Department for Education", "Wonde Ltd"))
                .body("information.recipients", not(hasItem("Refused Partner Ltd")))
                .body(
                        "information.retention.find { it.recordClass == 'Pupil educational record' }.until",
                        is("2042-09-01"))
                .body("information.retention.recordClass", hasItem("Pupil educational record"))
                .body("information.automatedDecisionMaking.used", is(false))
                .body("information.complaints.telephone", is("0303 123 1113"))
                .body("controller.dataProtectionOfficer.email", is("carole@schooldposervice.com"));

        byte[] pdf = given().header("Authorization", f.dpo())
                .get(f.base() + "/bundle.pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        String text = pdfText(pdf);
        assertThat(text)
                .contains(
                        "Your subject access response",
                        "Photos on the school website",
                        "Fingerprints to pay for school meals",
                        "Consent refused",
                        "Department for Education",
                        "Wonde Ltd",
                        "Pupil educational record",
                        "25 years from date of birth",
                        "0303 123 1113",
                        "ico.org.uk/concerns",
                        "Wycliffe House, Water Lane, Wilmslow",
                        "Your rights");

        // the parent cannot read it before the request is completed, then can
        given().header("Authorization", f.parent())
                .get(f.base() + "/bundle.pdf")
                .then()
                .statusCode(404);
        f.post("/completion", Map.of("summary", "Response sent by email"))
                .statusCode(200)
                .body("status", is("COMPLETED"));
        byte[] parentsCopy = given().header("Authorization", f.parent())
                .get(f.base() + "/bundle.pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(parentsCopy).isEqualTo(pdf);
        given().header("Authorization", f.parent())
                .get(f.base() + "/bundle")
                .then()
                .statusCode(200)
                .body("requestId", is(f.id()));
        String otherParent = TestTokens.role("parent")
                .school(f.school().urn)
                .subject("G-someone-else")
                .bearer();
        given().header("Authorization", otherParent)
                .get(f.base() + "/bundle.pdf")
                .then()
                .statusCode(404);

        // every download is in the audit log
        given().header("Authorization", f.dpo())
                .queryParam("subject", "schools/" + f.school().urn + "/pupils/" + f.pupil())
                .get("/api/v1/schools/" + f.school().urn + "/audit/requests")
                .then()
                .statusCode(200)
                .body(
                        "items.action",
                        hasItems("bundle.assembled", "bundle.downloaded", "bundle.read", "request.complete"))
                .body("items.findAll { it.action == 'bundle.downloaded' }.actor", hasItems("dpo-1", f.guardian()));
    }

    @Test
    void theParentsPdfPrintsWordsNotCodesAndNoNulls() throws IOException {
        Fixture f = accessRequest("P");
        f.post("/bundle", Map.of()).statusCode(200);
        f.post("/completion", Map.of("summary", "Response sent by email")).statusCode(200);
        // the JSON keeps the codes (it is the machine-readable copy) and the nulls the sources gave
        given().header("Authorization", f.parent())
                .get(f.base() + "/bundle")
                .then()
                .statusCode(200)
                .body("information.consentPurposes", hasItems("PHOTOS_WEBSITE", "BIOMETRIC_CATERING"));

        String text = pdfText(given().header("Authorization", f.parent())
                .get(f.base() + "/bundle.pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertThat(text)
                .doesNotContainIgnoringCase("null")
                // purpose titles, not codes
                .contains("Photos on the school website", "Fingerprints to pay for school meals")
                .doesNotContain("PHOTOS_WEBSITE", "BIOMETRIC_CATERING")
                // lawful bases, statuses, methods and other codes in words
                .contains(
                        "Legal obligation (UK GDPR Art. 6(1)(c))",
                        "Consent (UK GDPR Art. 6(1)(a))",
                        "Consent given",
                        "Consent refused",
                        "Subject access request",
                        "Secure destruction",
                        "Stop using the data",
                        "Awaiting confirmation")
                .doesNotContain(
                        "LEGAL_OBLIGATION",
                        "PUBLIC_TASK",
                        "GRANTED",
                        "REFUSED",
                        "SECURE_DESTRUCTION",
                        "STOP_USING",
                        "CONSENT_REFUSED",
                        "(ACCESS)")
                // recipients by name, never by id
                .contains("Wonde Ltd", "Department for Education")
                .doesNotContain("9b2f3c1e-0000-4000-8000-00000000abcd");
        // no field is printed without a value ("Valid until: " with nothing after it)
        assertThat(text).doesNotContain("Valid until", "Delivered at", "Completion:");
    }

    @Test
    void aSourceThatIsDownIsRecordedAsMissingAndBlocksCompletionUntilWaived() throws IOException {
        Fixture f = accessRequest("P-crash-sharing");
        f.post("/bundle", Map.of())
                .statusCode(200)
                .body("complete", is(false))
                .body("missingSources", hasItem("sharing"))
                .body("sources.find { it.source == 'sharing' }.status", is("MISSING"))
                .body("sources.find { it.source == 'sharing' }.error", containsString("not reachable"))
                .body("sources.find { it.source == 'consent' }.status", is("PRESENT"));
        f.post("/completion", Map.of("summary", "x"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("missing sharing"));
        assertThat(pdfText(given().header("Authorization", f.dpo())
                        .get(f.base() + "/bundle.pdf")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray()))
                .contains("sharing records could not be retrieved");

        f.post("/bundle/waivers", Map.of("source", "consent", "reason", "x")).statusCode(409);
        f.post(
                        "/bundle/waivers",
                        Map.of(
                                "source",
                                "sharing",
                                "reason",
                                "sharing-service decommissioned; disclosures listed from the paper log"))
                .statusCode(200)
                .body("complete", is(true))
                .body("waivers[0].source", is("sharing"));
        f.post("/bundle/waivers", Map.of("source", "sharing", "reason", "again"))
                .statusCode(409);
        given().header(
                        "Authorization",
                        TestTokens.role("school-admin").school(f.school().urn).bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("source", "sharing", "reason", "x"))
                .post(f.base() + "/bundle/waivers")
                .then()
                .statusCode(403);
        given().header("Authorization", f.dpo())
                .get(f.base() + "/bundle")
                .then()
                .body("complete", is(true))
                .body("waivers[0].reason", containsString("paper log"));
        f.post("/completion", Map.of("summary", "Sent")).statusCode(200);
    }

    @Test
    void aSlowSourceAndAFailingSourceAreMissingWithTheirReason() {
        Fixture f = accessRequest("P-slow-retention-e503-consent");
        f.post("/bundle", Map.of())
                .statusCode(200)
                .body("complete", is(false))
                .body("sources.find { it.source == 'retention' }.error", containsString("no answer within"))
                .body("sources.find { it.source == 'consent' }.error", is("answered HTTP 503"))
                .body("sources.find { it.source == 'sharing' }.status", is("PRESENT"));
    }

    @Test
    void onlyRequestsAnsweredWithDataHaveABundleAndOnlyWhileInProgress() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        String guardian = school.guardianOf(pupil, true);
        String dpo = TestTokens.role("dpo").school(school.urn).bearer();
        String erasure = given().header("Authorization", dpo)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "ERASURE",
                        "subject",
                        Map.of("type", "PUPIL", "id", pupil),
                        "requester",
                        Map.of("type", "GUARDIAN", "id", guardian),
                        "channel",
                        "EMAIL",
                        "description",
                        "x"))
                .post("/api/v1/schools/" + school.urn + "/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", dpo)
                .post("/api/v1/schools/" + school.urn + "/requests/" + erasure + "/bundle")
                .then()
                .statusCode(409);
        Fixture received = accessRequest("P");
        given().header("Authorization", received.dpo())
                .contentType(ContentType.JSON)
                .body(Map.of("question", "which?"))
                .post(received.base() + "/clarification-requests")
                .then()
                .statusCode(200);
        received.post("/bundle", Map.of()).statusCode(409).body("detail", containsString("AWAITING_CLARIFICATION"));
        given().header("Authorization", received.dpo())
                .get(received.base() + "/bundle")
                .then()
                .statusCode(404);
    }
}
