package org.custodian.sar;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.custodian.sar.testing.Roster;
import org.custodian.sar.testing.SarTest;
import org.custodian.testing.EveryOperationContract;
import org.custodian.testing.SuccessfulCall;
import org.custodian.testing.TestTokens;

/** Every documented operation against the access matrix, every bad token, and fuzzed input. */
@SarTest
class EveryOperationTest extends EveryOperationContract {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final String REQUESTS = "POST /api/v1/schools/{urn}/requests";

    @Override
    protected String service() {
        return "sar";
    }

    @Override
    protected String rootPackage() {
        return "org.custodian.sar";
    }

    /** A request of {@code type} received five days ago, about a pupil whose id tells the stand-in sources how to act. */
    private record Request(Roster school, String pupil, String guardian, String id) {

        static Request received(String type, String pupilPrefix) {
            Roster school = Roster.maintainedEnglishSchool();
            String pupil = school.pupil(pupilPrefix, 9);
            String guardian = school.guardianOf(pupil, true);
            Request created = new Request(school, pupil, guardian, null);
            String id = given().header("Authorization", created.dpo())
                    .contentType(ContentType.JSON)
                    .body(created.creation(type))
                    .post(created.collection())
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            return new Request(school, pupil, guardian, id);
        }

        static Request inProgress(String type, String pupilPrefix) {
            Request r = received(type, pupilPrefix);
            r.act("/identity-verification", Map.of("decision", "NOT_REQUIRED"));
            return r;
        }

        String collection() {
            return "/api/v1/schools/" + school.urn + "/requests";
        }

        String base() {
            return collection() + "/" + id;
        }

        String dpo() {
            return TestTokens.role("dpo").school(school.urn).subject("dpo-1").bearer();
        }

        Map<String, Object> creation(String type) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type);
            body.put("subject", Map.of("type", "PUPIL", "id", pupil));
            body.put("requester", Map.of("type", "GUARDIAN", "id", guardian));
            body.put("channel", "EMAIL");
            body.put("receivedOn", TODAY.minusDays(5).toString());
            body.put("description", type + " request");
            return body;
        }

        void act(String path, Map<String, ?> body) {
            given().header("Authorization", dpo())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(base() + path)
                    .then()
                    .statusCode(200);
        }

        SuccessfulCall call(String path, Map<String, ?> body) {
            return SuccessfulCall.json(dpo(), base() + path, body);
        }
    }

    @Override
    protected Map<String, Supplier<SuccessfulCall>> successfulCalls() {
        String today = TODAY.toString();
        Map<String, Supplier<SuccessfulCall>> calls = new LinkedHashMap<>();
        calls.put(REQUESTS, () -> {
            Request r = new Request(Roster.maintainedEnglishSchool(), null, null, null);
            String pupil = r.school().pupil("P", 9);
            Request about = new Request(r.school(), pupil, r.school().guardianOf(pupil, true), null);
            return SuccessfulCall.json(about.dpo(), about.collection(), about.creation("ACCESS"));
        });
        calls.put(
                REQUESTS + "/{id}/identity-verification",
                () -> Request.received("ACCESS", "P")
                        .call("/identity-verification", Map.of("decision", "NOT_REQUIRED")));
        calls.put(
                REQUESTS + "/{id}/clarification-requests",
                () -> Request.inProgress("ACCESS", "P")
                        .call("/clarification-requests", Map.of("askedOn", today, "question", "Which years?")));
        calls.put(REQUESTS + "/{id}/clarification-responses", () -> {
            Request r = Request.inProgress("ACCESS", "P");
            r.act("/clarification-requests", Map.of("askedOn", today, "question", "Which years?"));
            return r.call("/clarification-responses", Map.of("answeredOn", today, "answer", "2024 to now"));
        });
        calls.put(
                REQUESTS + "/{id}/fee-requests",
                () -> Request.received("ACCESS", "P").call("/fee-requests", fee()));
        calls.put(REQUESTS + "/{id}/fee-payments", () -> {
            Request r = Request.received("ACCESS", "P");
            r.act("/fee-requests", fee());
            return r.call("/fee-payments", Map.of("receivedOn", today));
        });
        calls.put(
                REQUESTS + "/{id}/extension",
                () -> Request.inProgress("ACCESS", "P")
                        .call("/extension", Map.of("toldOn", today, "reason", "complex")));
        calls.put(
                REQUESTS + "/{id}/acknowledgement",
                () -> Request.received("COMPLAINT", "P").call("/acknowledgement", Map.of("note", "Letter sent")));
        calls.put(REQUESTS + "/{id}/completion", () -> {
            Request r = Request.inProgress("ACCESS", "P");
            r.act("/bundle", Map.of());
            return r.call("/completion", Map.of("summary", "done"));
        });
        calls.put(
                REQUESTS + "/{id}/refusal",
                () -> Request.received("ACCESS", "P")
                        .call("/refusal", Map.of("ground", "MANIFESTLY_UNFOUNDED", "explanation", "Made to disrupt")));
        calls.put(
                REQUESTS + "/{id}/withdrawal",
                () -> Request.received("ACCESS", "P").call("/withdrawal", Map.of("note", "changed their mind")));
        calls.put(
                REQUESTS + "/{id}/decision",
                () -> Request.inProgress("RESTRICTION", "P")
                        .call("/decision", Map.of("outcome", "APPROVED", "reason", "Accuracy contested")));
        calls.put(REQUESTS + "/{id}/restriction-lift", () -> {
            Request r = Request.inProgress("RESTRICTION", "P");
            r.act("/decision", Map.of("outcome", "APPROVED", "reason", "Accuracy contested"));
            return r.call("/restriction-lift", Map.of("reason", "Accuracy verified; the parent was told"));
        });
        calls.put(REQUESTS + "/{id}/bundle/waivers", () -> {
            Request r = Request.inProgress("ACCESS", "P-crash-sharing");
            r.act("/bundle", Map.of());
            return r.call("/bundle/waivers", Map.of("source", "sharing", "reason", "listed from the paper log"));
        });
        calls.put(REQUESTS + "/{id}/bundle/review-items/{itemId}/decision", () -> {
            Request r = Request.inProgress("ACCESS", "AVA-people");
            r.act("/bundle", Map.of());
            String item = given().header("Authorization", r.dpo())
                    .get(r.base() + "/bundle/review-items?state=PENDING")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items[0].id");
            return r.call(
                    "/bundle/review-items/" + item + "/decision",
                    Map.of("state", "WITHHOLD", "exemption", "THIRD_PARTY_DATA", "reason", "names another person"));
        });
        calls.put(REQUESTS + "/{id}/documents", () -> {
            Request r = Request.inProgress("ACCESS", "P");
            return SuccessfulCall.multipart(
                    r.dpo(),
                    r.base() + "/documents",
                    new SuccessfulCall.Part(
                            "file",
                            "attendance.csv",
                            "text/csv",
                            "term,attendance\nautumn,97%\n".getBytes(StandardCharsets.UTF_8)));
        });
        calls.put("POST /api/v1/schools/{urn}/calendar/imports", () -> {
            Roster school = Roster.maintainedEnglishSchool();
            return SuccessfulCall.json(
                    TestTokens.role("mis").school(school.urn).bearer(),
                    "/api/v1/schools/" + school.urn + "/calendar/imports",
                    Map.of(
                            "source",
                            "SIMS",
                            "terms",
                            List.of(
                                    Map.of("name", "Autumn", "startsOn", "2026-09-03", "endsOn", "2026-12-18"),
                                    Map.of("name", "Spring", "startsOn", "2027-01-04", "endsOn", "2027-03-26"))));
        });
        return calls;
    }

    private static Map<String, Object> fee() {
        return Map.of(
                "amount",
                new BigDecimal("10.00"),
                "ground",
                "MANIFESTLY_EXCESSIVE",
                "explanation",
                "The fourth this term");
    }
}
