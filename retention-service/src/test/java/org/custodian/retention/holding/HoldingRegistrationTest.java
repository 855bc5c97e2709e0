package org.custodian.retention.holding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.base;
import static org.custodian.retention.testing.RetentionSchool.batch;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.holding;
import static org.custodian.retention.testing.RetentionSchool.pupil;
import static org.custodian.retention.testing.RetentionSchool.register;
import static org.custodian.testing.SchoolFixture.count;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.retention.RetentionTest;
import org.junit.jupiter.api.Test;

@RetentionTest
class HoldingRegistrationTest {

    static long stored(String school) {
        return count("SELECT count(*) FROM holding WHERE school_urn = ?", school);
    }

    @Test
    void returnsEachHoldingWithItsDueDateOrWhyItHasNone() {
        String school = freshSchool();
        pupil(school, "P-1", LocalDate.parse("2008-02-29"), null);
        register(
                        school,
                        List.of(
                                holding("PUPIL_RECORD_LAST_SCHOOL", "P-1", "EDU-1", "2019-09-04"),
                                holding("PUPIL_RECORD_PRIMARY", "P-1", "EDU-PRI-1", "2012-09-04"),
                                holding("ADMISSION_ATTENDANCE_REGISTERS", null, "ADM-2019-001", "2019-09-04"),
                                holding("PUPIL_RECORD_LAST_SCHOOL", "P-unknown", "EDU-2", "2019-09-04")))
                .statusCode(200)
                .body("created", is(4))
                .body("updated", is(0))
                .body("unchanged", is(0))
                .body("items[0].dueOn", is("2033-03-01"))
                .body("items[0].dueAction", is("DESTROY"))
                .body("items[0].outcome", is("CREATED"))
                .body("items[0].status", is("ACTIVE"))
                .body("items[1].dueOn", nullValue())
                .body("items[1].waitingFor", is("the pupil to leave"))
                .body("items[2].dueOn", is("2025-09-04"))
                .body("items[3].waitingFor", containsString("P-unknown"));
        assertThat(stored(school)).isEqualTo(4);
    }

    @Test
    void reRegisteringTheSameRecordsChangesNothingAndCorrectionsAreUpdated() {
        String school = freshSchool();
        List<Map<String, Object>> records = List.of(
                holding("ADMISSION_ATTENDANCE_REGISTERS", null, "ADM-1", "2019-09-04"),
                holding("FREE_SCHOOL_MEALS", "P-2", "FSM-1", "2020-10-01"));
        Response first = as("mis", school).body(batch(records)).post(base(school) + "/holdings");
        first.then().statusCode(200).body("created", is(2));
        Response again = as("mis", school).body(batch(records)).post(base(school) + "/holdings");
        again.then()
                .statusCode(200)
                .body("created", is(0))
                .body("unchanged", is(2))
                .body("items[0].id", equalTo(first.path("items[0].id")))
                .body("items[1].id", equalTo(first.path("items[1].id")));
        assertThat(stored(school)).isEqualTo(2);

        List<Map<String, Object>> corrected = new ArrayList<>(records);
        corrected.set(1, holding("FREE_SCHOOL_MEALS", "P-2", "FSM-1", "2021-10-01"));
        as("mis", school)
                .body(batch(corrected))
                .post(base(school) + "/holdings")
                .then()
                .statusCode(200)
                .body("updated", is(1))
                .body("unchanged", is(1))
                .body("items[1].id", equalTo(first.path("items[1].id")))
                .body("items[1].dueOn", is("2028-08-31")); // end of 2021/22 + 6 years (issue 24)
        assertThat(stored(school)).isEqualTo(2);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstResponse() {
        String school = freshSchool();
        var body = batch(List.of(holding("ACCIDENT_BOOK", null, "ACC-1", "2024-01-10")));
        Response first =
                as("mis", school).header("Idempotency-Key", "reg-1").body(body).post(base(school) + "/holdings");
        first.then().statusCode(200);
        as("mis", school)
                .header("Idempotency-Key", "reg-1")
                .body(body)
                .post(base(school) + "/holdings")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("items[0].id", equalTo(first.path("items[0].id")));
        as("mis", school)
                .header("Idempotency-Key", "reg-1")
                .body(batch(List.of(holding("ACCIDENT_BOOK", null, "ACC-2", "2024-01-10"))))
                .post(base(school) + "/holdings")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(stored(school)).isEqualTo(1);
    }

    @Test
    void anUnknownClassStoresNothing() {
        String school = freshSchool();
        register(
                        school,
                        List.of(
                                holding("ADMISSION_ATTENDANCE_REGISTERS", null, "ADM-1", "2019-09-04"),
                                holding("NO_SUCH_CLASS", null, "X-1", "2019-09-04")))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("holdings[1].recordClass"));
        assertThat(stored(school)).isZero();
    }

    @Test
    void aRecordClosedBeforeItWasCreatedStoresNothing() {
        String school = freshSchool();
        Map<String, Object> closedEarly = holding("ADMISSION_ATTENDANCE_REGISTERS", null, "ADM-1", "2019-09-04");
        closedEarly.put("closedOn", "2019-09-03");
        register(school, List.of(closedEarly))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("holdings[0].closedOn"));
        assertThat(stored(school)).isZero();
    }

    @Test
    void aPupilClassWithoutAPupilATwiceNamedReferenceAndBadFieldsAreRefused() {
        String school = freshSchool();
        Map<String, Object> badPurpose = holding("ACCIDENT_BOOK", "P-1", "ACC-9", "2019-09-04");
        badPurpose.put("purpose", "PHOTO_WEBSITE");
        register(
                        school,
                        List.of(
                                holding("CHILD_PROTECTION", null, "CP-1", "2019-09-04"),
                                holding("ACCIDENT_BOOK", null, "ACC-1", "2019-09-04"),
                                holding("ACCIDENT_BOOK", null, "ACC-1", "2019-09-05"),
                                badPurpose,
                                holding(
                                        "ACCIDENT_BOOK",
                                        null,
                                        "ACC-3",
                                        LocalDate.now().plusDays(3).toString())))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("holdings[0].pupilId"))
                .body("errors.field", hasItem("holdings[2].reference"))
                .body("errors.field", hasItem("holdings[3].purpose"))
                .body("errors.field", hasItem("holdings[4].createdOn"));
        as("mis", school)
                .body(
                        "{\"holdings\":[{\"recordClass\":\"ACCIDENT_BOOK\",\"system\":\"SIMS\",\"reference\":\"R\",\"createdOn\":\"2019-02-30\"}]}")
                .post(base(school) + "/holdings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("mis", school)
                .body(
                        "{\"holdings\":[{\"recordClass\":\"ACCIDENT_BOOK\",\"system\":\"SIMS\",\"reference\":\"R\",\"createdOn\":\"2019-02-03\",\"status\":\"DISPOSED\"}]}")
                .post(base(school) + "/holdings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("mis", school)
                .body("{\"holdings\":[]}")
                .post(base(school) + "/holdings")
                .then()
                .statusCode(400);
        assertThat(stored(school)).isZero();
    }

    @Test
    void anOversizeBatchStoresNothing() {
        String school = freshSchool();
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= HoldingResource.MAX_BATCH; i++) {
            tooMany.add(holding("ACCIDENT_BOOK", null, "ACC-" + i, "2024-01-10"));
        }
        register(school, tooMany)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("holdings"));
        assertThat(stored(school)).isZero();
    }

    @Test
    void registering10000HoldingsInOneCall() throws Exception {
        String school = freshSchool();
        for (int p = 0; p < 1000; p++) {
            pupil(
                    school,
                    "P-" + p,
                    LocalDate.of(2008, 1, 1).plusDays(p),
                    p % 3 == 0 ? LocalDate.of(2024, 7, 19) : null);
        }
        List<Map<String, Object>> records = new ArrayList<>();
        String[] classes = {
            "PUPIL_RECORD_LAST_SCHOOL",
            "SEN_FILES",
            "ACCIDENT_BOOK",
            "FREE_SCHOOL_MEALS",
            "ADMISSION_ATTENDANCE_REGISTERS",
            "ABSENCE_CORRESPONDENCE",
            "PHOTOGRAPHS_AND_RECORDINGS",
            "PUPIL_RECORD_PRIMARY",
            "CHILD_PROTECTION",
            "ACCIDENT_BOOK"
        };
        for (int i = 0; i < 10_000; i++) {
            records.add(holding(
                    classes[i % classes.length],
                    "P-" + (i % 1000),
                    "MIS-" + i,
                    LocalDate.of(2015, 9, 1).plusDays(i % 3000).toString()));
        }
        String body = org.custodian.testing.SchoolFixture.json(batch(records));
        as("mis", school)
                .body(batch(List.of(holding("ACCIDENT_BOOK", null, "warm-up", "2024-01-01"))))
                .post(base(school) + "/holdings")
                .then()
                .statusCode(200);
        Timed created = timedPost(school, body);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("\"created\":10000");
        Timed unchanged = timedPost(school, body);
        assertThat(unchanged.body()).contains("\"unchanged\":10000");
        System.out.printf(
                "MEASURE registering 10,000 holdings in one POST (%d KB): %d ms (new), %d ms (re-registration, all unchanged)%n",
                body.length() / 1024, created.millis(), unchanged.millis());
        assertThat(stored(school)).isEqualTo(10_001);
    }

    record Timed(int status, String body, long millis) {}

    /** Times one POST with a plain HTTP client, so that only the call is measured (not a test library's JSON handling). */
    static Timed timedPost(String school, String body) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                + base(school) + "/holdings"))
                .header(
                        "Authorization",
                        "Bearer "
                                + org.custodian.testing.TestTokens.role("mis")
                                        .school(school)
                                        .mint())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        java.net.http.HttpResponse<String> response =
                client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Timed(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
    }
}
