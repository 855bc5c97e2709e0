package org.custodian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.systemtests.support.Api.object;
import static org.custodian.systemtests.support.Api.texts;
import static org.custodian.systemtests.support.School.decisionFor;
import static org.custodian.systemtests.support.School.holding;
import static org.custodian.systemtests.support.School.parentOf;
import static org.custodian.systemtests.support.School.pupil;
import static org.custodian.systemtests.support.School.request;
import static org.custodian.systemtests.support.Stack.LONDON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.systemtests.support.Api;
import org.custodian.systemtests.support.Deadlines;
import org.custodian.systemtests.support.School;
import org.junit.jupiter.api.Test;

/**
 * Story 3. A parent asks, through the API, for everything the school holds about her 9-year-old. The deadline follows
 * the calendar-month rule and moves with the identity check; the DPO adds the MIS export and assembles the response
 * from consent-, sharing- and retention-service; what the response says about other people waits for the DPO's
 * decision (the father, the step-parent and a person under a court order appear only as relationships, or not at all);
 * the parent downloads it and the download is in the audit log. A parent of a 14-year-old without the child's
 * agreement is refused, with the privacy notice's reason.
 */
class SubjectAccessStory {

    static final String AVA = "P-AVA", TOM = "P-TOM", AVA_MUM = "G-AVA-MUM", TOM_DAD = "G-TOM-DAD";
    static final String AVA_DAD = "G-AVA-DAD", AVA_STEP = "G-AVA-STEP", AVA_EX = "G-AVA-EX";

    /** A guardian of Ava's with a name and an email address, and how the MIS marks the link. */
    static ObjectNode avasGuardian(
            String id, String name, String relationship, boolean responsibility, String restriction) {
        ObjectNode guardian =
                object().put("guardianId", id).put("name", name).put("email", id.toLowerCase() + "@example.org");
        ObjectNode link = guardian.putArray("children")
                .addObject()
                .put("pupilId", AVA)
                .put("parentalResponsibility", responsibility)
                .put("relationship", relationship);
        if (restriction != null) {
            link.put("restricted", true).put("restriction", restriction);
        }
        return guardian;
    }

    @Test
    void aParentGetsHerChildsDataInsideTheDeadlineAndTheDownloadIsAudited() throws IOException {
        School school = School.fresh();
        school.syncRoster(
                List.of(pupil(AVA, "Ava", 9, 4), pupil(TOM, "Tom", 14, 9)),
                List.of(
                        avasGuardian(AVA_MUM, "Maria Mother", "MOTHER", true, null),
                        parentOf(TOM_DAD, "FATHER", TOM),
                        avasGuardian(AVA_DAD, "David Father", "FATHER", true, null),
                        avasGuardian(AVA_STEP, "Simon Stepfather", "STEP_PARENT", false, null),
                        avasGuardian(AVA_EX, "Eric Excluded", "FATHER", true, "COURT_ORDER")));
        LocalDate today = LocalDate.now(LONDON);

        // what the school holds about Ava: consents with a history, two disclosures, records in the register
        school.parentDecides(AVA_MUM, AVA, "PHOTO_WEBSITE", "GRANTED");
        school.parentDecides(AVA_MUM, AVA, "PHOTO_PRESS", "GRANTED");
        school.parentDecides(AVA_MUM, AVA, "PHOTO_WEBSITE", "WITHDRAWN");
        school.parentDecides(AVA_DAD, AVA, "PHOTO_DISPLAY", "GRANTED");
        String dfe = school.seededRecipient("Department for Education");
        String paper = school.addRecipient("Watford Observer", "CONTROLLER");
        school.consentAgreement(paper, "Photos in the local press", "press-photos", "PHOTO_PRESS", "PHOTOGRAPHS");
        await("sharing-service knows Ava and her consent")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> decisionFor(school.sharingCheck(paper, "press-photos", List.of(AVA), "PHOTOGRAPHS"), AVA)
                        .path("outcome")
                        .asText()
                        .equals("ALLOWED"));
        assertThat(decisionFor(school.disclose(dfe, "census", List.of(AVA), "IDENTITY", "ATTENDANCE"), AVA)
                        .path("outcome")
                        .asText())
                .isEqualTo("ALLOWED");
        assertThat(decisionFor(school.disclose(paper, "press-photos", List.of(AVA), "PHOTOGRAPHS"), AVA)
                        .path("outcome")
                        .asText())
                .isEqualTo("ALLOWED");
        LocalDate entered = today.minusYears(1);
        school.registerHoldings(List.of(
                holding("ADMISSION_ATTENDANCE_REGISTERS", AVA, "ATT-AVA-" + entered.getYear(), entered, null),
                holding("PHOTOGRAPHS_AND_RECORDINGS", AVA, "PHOTO-AVA-NATIVITY", today.minusWeeks(1), "PHOTO_PRESS")));

        // Ava's mother asks through the API: the deadline is one calendar month, on to the next working day
        Api mum = school.parent(AVA_MUM);
        JsonNode made = school.makeRequest(mum, request("ACCESS", AVA, "Please send me everything you hold about Ava."))
                .json(201);
        String id = made.path("id").asText();
        Set<LocalDate> holidays = bankHolidays(school, today);
        assertThat(made.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(made.path("childAgreement").path("childAgeOnReceipt").asInt())
                .isEqualTo(9);
        assertThat(made.path("deadline").path("rule").asText()).isEqualTo("ONE_CALENDAR_MONTH");
        assertThat(made.path("deadline").path("dueOn").asText())
                .isEqualTo(Deadlines.oneCalendarMonth(today, holidays).toString());

        // the DPO asks for proof of identity: the clock stops; confirmed: it starts from the confirmation
        JsonNode asked = school.step(
                id,
                "identity-verification",
                object().put("decision", "REQUIRED").put("note", "passport or driving licence"));
        assertThat(asked.path("status").asText()).isEqualTo("AWAITING_IDENTITY");
        assertThat(asked.path("deadline").path("clock").asText()).isEqualTo("NOT_STARTED");
        assertThat(asked.path("deadline").has("dueOn")).isFalse();
        JsonNode confirmed = school.step(
                id,
                "identity-verification",
                object().put("decision", "CONFIRMED").put("note", "passport seen"));
        assertThat(confirmed.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(confirmed.path("deadline").path("startsOn").asText()).isEqualTo(today.toString());
        assertThat(confirmed.path("deadline").path("dueOn").asText())
                .isEqualTo(Deadlines.oneCalendarMonth(today, holidays).toString());

        // the same rule moves a deadline: her earlier letter, received ten days ago, identity confirmed only today
        LocalDate letterDay = today.minusDays(10);
        ObjectNode letter = request("ACCESS", AVA, "Letter: a copy of Ava's records.")
                .put("channel", "LETTER")
                .put("receivedOn", letterDay.toString());
        letter.putObject("requester").put("type", "GUARDIAN").put("id", AVA_MUM);
        JsonNode logged = school.makeRequest(school.dpo, letter).json(201);
        Set<LocalDate> earlier = bankHolidays(school, letterDay);
        assertThat(logged.path("deadline").path("dueOn").asText())
                .isEqualTo(Deadlines.oneCalendarMonth(letterDay, earlier).toString());
        String letterId = logged.path("id").asText();
        school.step(
                letterId,
                "identity-verification",
                object().put("decision", "REQUIRED").put("on", letterDay.toString()));
        JsonNode moved = school.step(
                letterId,
                "identity-verification",
                object().put("decision", "CONFIRMED").put("on", today.toString()));
        assertThat(moved.path("deadline").path("dueOn").asText())
                .isEqualTo(Deadlines.oneCalendarMonth(today, holidays).toString())
                .isNotEqualTo(logged.path("deadline").path("dueOn").asText());

        // the DPO uploads the MIS export and assembles the response
        byte[] export = ("pupilId,givenName,familyName,yearGroup,attendance\n" + AVA + ",Ava,Test,4,96.5%\n")
                .getBytes(StandardCharsets.UTF_8);
        school.dpo
                .upload(
                        school.path("/requests/" + id + "/documents"),
                        "mis-export-ava.csv",
                        "text/csv",
                        export,
                        "MIS export")
                .expect(201);
        JsonNode assembled =
                school.dpo.post(school.path("/requests/" + id + "/bundle"), "").json(200);
        assertThat(assembled.path("complete").asBoolean()).isTrue();
        assertThat(texts(assembled.path("sources"), "status")).containsExactly("PRESENT", "PRESENT", "PRESENT");
        assertThat(texts(assembled.path("sources"), "source"))
                .containsExactlyInAnyOrder("consent", "sharing", "retention");

        // what names someone else waits for the DPO: the disclosures' free-text reason and the member of staff who
        // disclosed (consent-service already gave the father and the step-parent only as relationships)
        String review = school.path("/requests/" + id + "/bundle/review-items");
        JsonNode pending = school.dpo.get(review + "?state=PENDING").json(200).path("items");
        assertThat(texts(pending, "category")).containsExactlyInAnyOrder("FREE_TEXT", "PERSON_ACTING");
        assertThat(assembled.path("pendingReview").asInt()).isEqualTo(2);
        Api.Reply refused =
                school.dpo.post(school.path("/requests/" + id + "/completion"), object().put("summary", "Sent."));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("2 items");
        String staffId = null;
        for (JsonNode item : pending) {
            ObjectNode decision = item.path("category").asText().equals("FREE_TEXT")
                    ? object().put("state", "RELEASE")
                    : object().put("state", "WITHHOLD")
                            .put("exemption", "THIRD_PARTY_DATA")
                            .put("reason", "staff are not named to parents");
            staffId = item.path("category").asText().equals("PERSON_ACTING")
                    ? item.path("text").asText()
                    : staffId;
            assertThat(school.dpo
                            .post(review + "/" + item.path("id").asText() + "/decision", decision)
                            .json(200)
                            .path("state")
                            .asText())
                    .isEqualTo(decision.path("state").asText());
        }

        // before the response is complete, the parent cannot read it
        assertThat(mum.get(school.path("/requests/" + id + "/bundle")).status()).isBetween(400, 499);
        school.step(id, "completion", object().put("summary", "Response sent through the parent portal."));

        // the parent downloads the JSON and the PDF
        String jsonCall = "sar-json-" + UUID.randomUUID(), pdfCall = "sar-pdf-" + UUID.randomUUID();
        JsonNode bundle = mum.get(school.path("/requests/" + id + "/bundle"), "X-Request-Id", jsonCall)
                .json(200);
        Api.Reply pdf = mum.get(school.path("/requests/" + id + "/bundle.pdf"), "X-Request-Id", pdfCall)
                .expect(200);
        assertThat(pdf.header("Content-Type").orElse("")).startsWith("application/pdf");

        // the JSON: consents with their history, every disclosure with recipient and basis, what is held and until
        // when,
        // the purposes, the ICO
        JsonNode consent = source(bundle, "consent"),
                sharing = source(bundle, "sharing"),
                retention = source(bundle, "retention");
        assertThat(texts(consent.path("decisions"), "decision"))
                .containsExactlyInAnyOrder("GRANTED", "GRANTED", "WITHDRAWN", "GRANTED");
        assertThat(statusOf(consent, "PHOTO_WEBSITE")).isEqualTo("WITHDRAWN");
        assertThat(statusOf(consent, "PHOTO_PRESS")).isEqualTo("GRANTED");
        assertThat(consent.path("receipts").size()).isEqualTo(4);
        assertThat(sharing.path("disclosures").size()).isEqualTo(2);
        assertThat(texts(sharing.path("disclosures"), "recipientName"))
                .containsExactlyInAnyOrder("Department for Education", "Watford Observer");
        assertThat(texts(sharing.path("disclosures"), "lawfulBasis"))
                .containsExactlyInAnyOrder("LEGAL_OBLIGATION", "CONSENT");
        JsonNode attendance = record(retention, "ADMISSION_ATTENDANCE_REGISTERS");
        assertThat(attendance.path("keptUntil").asText())
                .isEqualTo(entered.plusYears(6).toString());
        assertThat(attendance.path("retentionRule").asText()).isNotBlank();
        assertThat(record(retention, "PHOTOGRAPHS_AND_RECORDINGS")
                        .path("waitingFor")
                        .asText())
                .contains("consent");
        JsonNode information = bundle.path("information");
        assertThat(texts(information.path("purposes"))).contains("Support pupil learning");
        assertThat(texts(information.path("recipients"))).contains("Department for Education", "Watford Observer");
        assertThat(information.path("complaints").path("telephone").asText()).isEqualTo("0303 123 1113");
        assertThat(information.path("complaints").path("address").asText()).contains("Wycliffe House", "SK9 5AF");
        assertThat(texts(bundle.path("documents"), "filename")).containsExactly("mis-export-ava.csv");

        // other people: her own contact details; the father and the step-parent by relationship only; the person under
        // a
        // court order not at all, nor counted; the staff id withheld under the exemption the DPO named
        String everything = bundle.toString();
        assertThat(everything)
                .doesNotContain(
                        "David Father",
                        AVA_DAD.toLowerCase() + "@example.org",
                        AVA_DAD,
                        "Simon Stepfather",
                        AVA_STEP,
                        "Eric Excluded",
                        AVA_EX,
                        staffId,
                        "thirdParties");
        assertThat(consent.path("requester").path("name").asText()).isEqualTo("Maria Mother");
        assertThat(texts(consent.path("guardians"), "description"))
                .containsExactly("father", "you (mother)", "step-parent without parental responsibility");
        assertThat(texts(consent.path("decisions"), "relationship")).contains("FATHER");
        assertThat(texts(bundle.path("withheld"), "citation")).containsExactly("DPA 2018 Sch. 2 para 16");

        // the PDF says the same to a reader
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).doesNotContain("David Father", "Simon Stepfather", "Eric Excluded", AVA_EX, staffId);
        // words where the school has them (issue 17): no lawful-basis, record-class or recipient-kind codes, no nulls
        assertThat(text).doesNotContain("LEGAL_OBLIGATION", "ADMISSION_ATTENDANCE_REGISTERS", "CONTROLLER", "null");
        assertThat(text)
                .contains(
                        "Department for Education",
                        "Watford Observer",
                        "Legal obligation (UK GDPR Art. 6(1)(c))",
                        "Consent (UK GDPR Art. 6(1)(a))",
                        "Photos on the school website",
                        "Consent withdrawn",
                        "Admission attendance registers",
                        entered.plusYears(6).toString(),
                        "Support pupil learning",
                        "0303 123 1113",
                        "Wycliffe House",
                        "mis-export-ava.csv");

        // the audit log records the parent's downloads, each with the call's request id
        JsonNode audit = school.dpo
                .get(school.path("/audit/requests?limit=50"))
                .json(200)
                .path("items");
        assertThat(audited(audit, pdfCall))
                .as("PDF download audited")
                .isEqualTo(AVA_MUM + " parent bundle.downloaded SUCCESS");
        assertThat(audited(audit, jsonCall)).as("JSON read audited").isEqualTo(AVA_MUM + " parent bundle.read SUCCESS");
    }

    @Test
    void aParentOfAFourteenYearOldNeedsTheChildsAgreement() {
        School school = School.fresh();
        school.syncRoster(List.of(pupil(TOM, "Tom", 14, 9)), List.of(parentOf(TOM_DAD, "FATHER", TOM)));
        Api dad = school.parent(TOM_DAD);

        Api.Reply refused = school.makeRequest(dad, request("ACCESS", TOM, "Everything about Tom."));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText())
                .containsIgnoringCase("agree")
                .contains("13");
        assertThat(school.dpo
                        .get(school.path("/requests?pupilId=" + TOM))
                        .json(200)
                        .path("items")
                        .size())
                .isZero();

        // with Tom's agreement recorded, the same request is taken
        ObjectNode agreed = request("ACCESS", TOM, "Everything about Tom.");
        agreed.putObject("childAgreement").put("recorded", true).put("how", "Tom signed the request with me");
        assertThat(school.makeRequest(dad, agreed)
                        .json(201)
                        .path("childAgreement")
                        .path("childAgeOnReceipt")
                        .asInt())
                .isEqualTo(14);
    }

    private static Set<LocalDate> bankHolidays(School school, LocalDate from) {
        Set<LocalDate> dates = new HashSet<>();
        school.dpo
                .get(school.path("/calendar/bank-holidays?from=" + from + "&to=" + from.plusMonths(2)))
                .json(200)
                .path("items")
                .forEach(h -> dates.add(LocalDate.parse(h.path("date").asText())));
        return dates;
    }

    private static JsonNode source(JsonNode bundle, String name) {
        for (JsonNode source : bundle.path("sources")) {
            if (name.equals(source.path("source").asText())) {
                assertThat(source.path("status").asText()).isEqualTo("PRESENT");
                return source.path("data");
            }
        }
        throw new AssertionError("no " + name + " source in the bundle");
    }

    private static String statusOf(JsonNode consent, String purpose) {
        for (JsonNode status : consent.path("consents")) {
            if (purpose.equals(status.path("purpose").asText())) {
                return status.path("status").asText();
            }
        }
        throw new AssertionError("no status for " + purpose);
    }

    private static JsonNode record(JsonNode retention, String recordClass) {
        for (JsonNode record : retention.path("records")) {
            if (recordClass.equals(record.path("recordClass").asText())) {
                return record;
            }
        }
        throw new AssertionError("no " + recordClass + " record in " + retention);
    }

    private static String audited(JsonNode audit, String requestId) {
        for (JsonNode row : audit) {
            if (requestId.equals(row.path("requestId").asText())) {
                return row.path("actor").asText() + " " + row.path("actorRole").asText() + " "
                        + row.path("action").asText() + " "
                        + row.path("outcome").asText();
            }
        }
        return "not audited";
    }
}
