package org.custodian.sar.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodian.sar.testing.Roster;
import org.custodian.sar.testing.SarTest;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@SarTest
class CalendarApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    static Map<String, Object> calendar(LocalDate termStart, LocalDate termEnd, List<Map<String, Object>> holidays) {
        return Map.of(
                "terms",
                List.of(Map.of("name", "This term", "startsOn", termStart.toString(), "endsOn", termEnd.toString())),
                "holidays",
                holidays,
                "insetDays",
                List.of());
    }

    @Test
    void theDpoEditsTheCalendarWithIfMatchAndOpenSchoolDayDeadlinesAreRecomputed() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        String guardian = school.guardianOf(pupil, true);
        String dpo = TestTokens.role("dpo").school(school.urn).bearer();
        String path = "/api/v1/schools/" + school.urn + "/calendar";

        given().header("Authorization", TestTokens.bearer("parent", school.urn))
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("version", is(0))
                .body("terms", hasSize(0))
                .body("region", is("ENGLAND_AND_WALES"));

        String id = given().header("Authorization", dpo)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "EDUCATIONAL_RECORD",
                        "subject",
                        Map.of("type", "PUPIL", "id", pupil),
                        "requester",
                        Map.of("type", "GUARDIAN", "id", guardian),
                        "channel",
                        "LETTER",
                        "description",
                        "x"))
                .post("/api/v1/schools/" + school.urn + "/requests")
                .then()
                .statusCode(201)
                .body("deadline.assumedSchoolDays", is(15))
                .extract()
                .path("id");
        String before = given().header("Authorization", dpo)
                .get("/api/v1/schools/" + school.urn + "/requests/" + id)
                .then()
                .extract()
                .path("deadline.dueOn");

        Map<String, Object> body = calendar(
                TODAY.minusMonths(1),
                TODAY.plusMonths(3),
                List.of(Map.of(
                        "name",
                        "Half-term",
                        "startsOn",
                        TODAY.plusDays(1).toString(),
                        "endsOn",
                        TODAY.plusDays(9).toString())));
        given().header("Authorization", dpo)
                .contentType(ContentType.JSON)
                .body(body)
                .put(path)
                .then()
                .statusCode(428);
        given().header("Authorization", dpo)
                .header("If-Match", "\"5\"")
                .contentType(ContentType.JSON)
                .body(body)
                .put(path)
                .then()
                .statusCode(412);
        given().header("Authorization", TestTokens.bearer("school-admin", school.urn))
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(body)
                .put(path)
                .then()
                .statusCode(403);
        given().header("Authorization", dpo)
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(body)
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("source", is("DPO"))
                .body("holidays[0].name", is("Half-term"));

        given().header("Authorization", dpo)
                .get("/api/v1/schools/" + school.urn + "/requests/" + id)
                .then()
                .statusCode(200)
                .body("deadline.assumedSchoolDays", nullValue())
                .body("deadline.dueOn", not(is(before)));
        given().header("Authorization", dpo)
                .get("/api/v1/schools/" + school.urn + "/audit/requests")
                .then()
                .body("items.action", hasItem("calendar.updated"));
    }

    @Test
    void theMisImportsTheCalendarAndBadCalendarsAreRefused() {
        Roster school = Roster.maintainedEnglishSchool();
        String path = "/api/v1/schools/" + school.urn + "/calendar";
        String mis = TestTokens.role("mis").school(school.urn).bearer();
        Map<String, Object> body = Map.of(
                "source",
                "SIMS",
                "terms",
                List.of(
                        Map.of("name", "Autumn", "startsOn", "2026-09-03", "endsOn", "2026-12-18"),
                        Map.of("name", "Spring", "startsOn", "2027-01-04", "endsOn", "2027-03-26")),
                "insetDays",
                List.of(Map.of("name", "Training", "date", "2027-01-04")));
        given().header("Authorization", mis)
                .header("Idempotency-Key", "cal-1")
                .contentType(ContentType.JSON)
                .body(body)
                .post(path + "/imports")
                .then()
                .statusCode(201)
                .body("source", is("MIS:SIMS"))
                .body("insetDays[0].date", is("2027-01-04"));
        given().header("Authorization", mis)
                .header("Idempotency-Key", "cal-1")
                .contentType(ContentType.JSON)
                .body(body)
                .post(path + "/imports")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true");

        Map<String, Object> overlapping = Map.of(
                "source",
                "SIMS",
                "terms",
                List.of(
                        Map.of("name", "A", "startsOn", "2026-09-03", "endsOn", "2026-12-18"),
                        Map.of("name", "B", "startsOn", "2026-12-01", "endsOn", "2027-03-26")));
        given().header("Authorization", mis)
                .contentType(ContentType.JSON)
                .body(overlapping)
                .post(path + "/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", containsString("overlaps"));
        given().header("Authorization", mis)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "source",
                        "SIMS",
                        "terms",
                        List.of(Map.of("name", "A", "startsOn", "2026-12-18", "endsOn", "2026-09-03"))))
                .post(path + "/imports")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("terms[0].endsOn"));
        given().header("Authorization", mis)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "source",
                        "SIMS",
                        "terms",
                        List.of(Map.of("name", "A", "startsOn", "2026-02-30", "endsOn", "2026-09-03"))))
                .post(path + "/imports")
                .then()
                .statusCode(400);
        given().header(
                        "Authorization",
                        TestTokens.role("dpo").school(school.urn).bearer())
                .get(path)
                .then()
                .body("version", is(1))
                .body("terms", hasSize(2));
    }

    @Test
    void twoFirstWritesAtOnceMakeOneCalendarAndTheLoserIsToldItChanged() throws Exception {
        Map<String, Object> body = calendar(TODAY.minusMonths(1), TODAY.plusMonths(3), List.of());
        Map<String, Object> imported = Map.of(
                "source",
                "SIMS",
                "terms",
                List.of(Map.of("name", "Autumn", "startsOn", "2026-09-03", "endsOn", "2026-12-18")));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                Roster school = Roster.maintainedEnglishSchool();
                String path = "/api/v1/schools/" + school.urn + "/calendar";
                String dpo = TestTokens.role("dpo").school(school.urn).bearer();
                String mis = TestTokens.role("mis").school(school.urn).bearer();
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<Integer> edit = () -> {
                    together.await();
                    return given().header("Authorization", dpo)
                            .header("If-Match", "\"0\"")
                            .contentType(ContentType.JSON)
                            .body(body)
                            .put(path)
                            .statusCode();
                };
                Callable<Integer> importing = () -> {
                    together.await();
                    return given().header("Authorization", mis)
                            .contentType(ContentType.JSON)
                            .body(imported)
                            .post(path + "/imports")
                            .statusCode();
                };
                boolean edits = round % 2 == 0;
                Future<Integer> first = callers.submit(edits ? edit : importing);
                Future<Integer> second = callers.submit(edits ? edit : importing);
                List<Integer> statuses = List.of(first.get(), second.get());

                if (edits) {
                    assertThat(statuses).containsExactlyInAnyOrder(200, 412);
                } else {
                    assertThat(statuses).containsExactly(201, 201);
                }
                given().header("Authorization", dpo)
                        .get(path)
                        .then()
                        .statusCode(200)
                        .body("version", is(edits ? 1 : 2));
                given().header("Authorization", dpo)
                        .get("/api/v1/schools/" + school.urn + "/audit/requests")
                        .then()
                        .body("items.findAll { it.action.startsWith('calendar.') }", hasSize(edits ? 1 : 2));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void bankHolidaysOfTheSchoolsRegionWithTheirSource() {
        Roster school = Roster.newSchool("ACADEMY", "SCOTLAND", 12);
        given().header("Authorization", TestTokens.bearer("pupil", school.urn))
                .get("/api/v1/schools/" + school.urn + "/calendar/bank-holidays?from=2026-01-01&to=2026-12-31")
                .then()
                .statusCode(200)
                .body("region", is("SCOTLAND"))
                .body("items", hasSize(9))
                .body("items.date", hasItem("2026-11-30"))
                .body("source", containsString("Banking and Financial Dealings Act 1971"));
        given().header("Authorization", TestTokens.bearer("pupil", school.urn))
                .get("/api/v1/schools/" + school.urn + "/calendar/bank-holidays?from=2026-01-01&to=2040-01-01")
                .then()
                .statusCode(400);
        given().header("Authorization", TestTokens.bearer("pupil", school.urn))
                .get("/api/v1/schools/" + school.urn + "/calendar/bank-holidays?from=tomorrow")
                .then()
                .statusCode(400);
    }
}
