package org.custodian.consent.roster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.events.Topics;
import org.custodian.platform.time.LegalTime;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.MovableClock;
import org.junit.jupiter.api.Test;

/** Issue 17, the MIS sync: a report record by record, UPNs unique, every problem at once, charsets, full syncs. */
@ConsentTest
class RosterSyncTest {

    private static final LocalDate BORN = LocalDate.of(2018, 3, 14);

    @Inject
    MovableClock clock;

    private static String pupil(String id, int yearGroup, String upn) {
        String json = Fixture.pupilJson(BORN, yearGroup, null).replaceFirst("\\{", "{\"pupilId\":\"" + id + "\",");
        return upn == null ? json : json.substring(0, json.length() - 1) + ",\"upn\":\"" + upn + "\"}";
    }

    private static String guardian(String id, String email, String... children) {
        StringBuilder links = new StringBuilder();
        for (String c : children) {
            links.append(links.isEmpty() ? "" : ",")
                    .append("{\"pupilId\":\"")
                    .append(c)
                    .append("\",\"parentalResponsibility\":true,\"relationship\":\"PARENT\"}");
        }
        return "{\"guardianId\":\"" + id + "\",\"name\":\"Guardian " + id + "\",\"email\":\"" + email
                + "\",\"children\":[" + links + "]}";
    }

    private static String sync(List<String> pupils, List<String> guardians) {
        return "{\"pupils\":[" + String.join(",", pupils) + "],\"guardians\":[" + String.join(",", guardians) + "]}";
    }

    private static JsonPath ok(Fixture school, String mode, String body) {
        return post(school, mode, body).then().statusCode(200).extract().jsonPath();
    }

    /** An incremental sync refused as invalid (400 problem+json). */
    private static JsonPath refused(Fixture school, String body) {
        return post(school, null, body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
    }

    private static io.restassured.response.Response post(Fixture school, String mode, String body) {
        var request = school.asMis().body(body);
        if (mode != null) {
            request.queryParam("mode", mode);
        }
        return request.post(school.base() + "/roster-sync");
    }

    private long refusals(Fixture school) {
        return school.count(
                "SELECT count(*) FROM audit_log WHERE school_urn = ? AND action = 'roster.synced' AND outcome = 'FAILED'",
                school.urn);
    }

    @Test
    void theSyncReportsRecordByRecordWhichFieldsChangedBesideTheCounts() {
        Fixture school = Fixture.newSchool();
        JsonPath first = ok(
                school,
                null,
                sync(
                        List.of(pupil("S1", 3, null), pupil("S2", 3, null)),
                        List.of(guardian("G1", "g1@example.org", "S1"), guardian("G2", "g2@example.org"))));
        assertThat(first.getString("mode")).isEqualTo("INCREMENTAL");
        assertThat(first.getInt("pupils.created")).isEqualTo(2);
        assertThat(first.getInt("guardians.created")).isEqualTo(2);
        assertThat(first.getList("pupilRecords.outcome", String.class)).containsExactly("CREATED", "CREATED");
        assertThat(first.getList("guardianRecords.find { it.guardianId == 'G1' }.linked", String.class))
                .containsExactly("S1");
        assertThat(first.getList("warnings", Map.class))
                .extracting(w -> w.get("code") + " " + w.get("guardianId"))
                .containsExactly("GUARDIAN_WITHOUT_PUPIL G2");

        JsonPath second = ok(
                school,
                null,
                sync(
                        List.of(pupil("S1", 4, "A123456789012"), pupil("S2", 3, null)),
                        List.of(guardian("G1", "new@example.org", "S2"), guardian("G2", "g2@example.org"))));
        assertThat(second.getInt("pupils.updated")).isEqualTo(1);
        assertThat(second.getInt("pupils.unchanged")).isEqualTo(1);
        assertThat(second.getInt("guardians.updated")).isEqualTo(1);
        assertThat(second.getInt("guardians.unchanged")).isEqualTo(1);
        assertThat(second.getString("pupilRecords.find { it.pupilId == 'S1' }.outcome"))
                .isEqualTo("UPDATED");
        assertThat(second.getList("pupilRecords.find { it.pupilId == 'S1' }.changedFields", String.class))
                .containsExactly("yearGroup", "upn");
        assertThat(second.getString("pupilRecords.find { it.pupilId == 'S2' }.outcome"))
                .isEqualTo("UNCHANGED");
        assertThat(second.getList("pupilRecords.find { it.pupilId == 'S2' }.changedFields", String.class))
                .isEmpty();
        Map<String, Object> g1 = second.getMap("guardianRecords.find { it.guardianId == 'G1' }");
        assertThat(g1.get("outcome")).isEqualTo("UPDATED");
        assertThat(g1.get("changedFields")).isEqualTo(List.of("email", "children"));
        assertThat(g1.get("linked")).isEqualTo(List.of("S2"));
        assertThat(g1.get("unlinked")).isEqualTo(List.of("S1"));
        assertThat(second.getString("guardianRecords.find { it.guardianId == 'G2' }.outcome"))
                .isEqualTo("UNCHANGED");
    }

    @Test
    void aUpnTwiceInTheBatchOrHeldByAnotherStoredPupilIsRefusedNamingTheRowsAndStoresNothing() {
        Fixture school = Fixture.newSchool();
        ok(school, null, sync(List.of(pupil("A", 3, "A000000000001"), pupil("C", 3, "C000000000003")), List.of()));
        long events = school.outboxEvents();

        post(school, null, sync(List.of(pupil("N1", 3, "N000000000001"), pupil("N2", 3, "N000000000001")), List.of()))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", is(List.of("pupils[1].upn")))
                .body("errors[0].message", containsString("pupils[0]"));
        post(school, null, sync(List.of(pupil("B", 3, null), pupil("N3", 3, "A000000000001")), List.of()))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", is(List.of("pupils[1].upn")))
                .body("errors[0].message", containsString("pupil A"));
        school.asMis()
                .body(Fixture.pupilJson(BORN, 3, null).replace("}", ",\"upn\":\"C000000000003\"}"))
                .put(school.base() + "/pupils/N4")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(school.count("SELECT count(*) FROM pupil WHERE school_urn = ?", school.urn))
                .isEqualTo(2);
        assertThat(school.outboxEvents()).isEqualTo(events);

        // two pupils exchanging UPNs in one batch (a correction) hold each one once
        ok(school, null, sync(List.of(pupil("A", 3, "C000000000003"), pupil("C", 3, "A000000000001")), List.of()));
        assertThat(school.count(
                        "SELECT count(*) FROM pupil WHERE school_urn = ? AND pupil_id = 'A' AND upn = 'C000000000003'",
                        school.urn))
                .isEqualTo(1);
    }

    @Test
    void everyProblemOfEveryRowIsReportedAtOnceAndTheRefusalIsAudited() {
        Fixture school = Fixture.newSchool();
        school.pupil("KNOWN", BORN).then().statusCode(201);
        long audited = refusals(school);
        String noName = pupil("P0", 3, null).replace("\"givenName\":\"Ada\",", "");
        String admittedBeforeBirth =
                pupil("P1", 3, null).replace(BORN.plusYears(4).toString(), "2010-01-01");
        String contradiction = "{\"guardianId\":\"G1\",\"name\":\"Gran\",\"children\":[{\"pupilId\":\"KNOWN\","
                + "\"parentalResponsibility\":false,\"relationship\":\"GRANDPARENT\",\"restricted\":false,"
                + "\"restriction\":\"NO_CONTACT\"}]}";
        JsonPath problem = refused(
                school,
                sync(
                        List.of(noName, admittedBeforeBirth, pupil("P2", 3, "bad-upn")),
                        List.of(contradiction, guardian("G2", "not-an-email", "NOBODY"))));
        assertThat(problem.getList("errors.field", String.class))
                .containsExactly(
                        "guardians[0].children[0].restriction",
                        "guardians[1].children[0].pupilId",
                        "guardians[1].email",
                        "pupils[0].givenName",
                        "pupils[1].admissionDate",
                        "pupils[2].upn");

        // more than twenty rows wrong: every one named
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(pupil("M" + i, 3, null).replace("\"familyName\":\"Lovelace\",", ""));
        }
        post(school, null, sync(many, List.of()))
                .then()
                .statusCode(400)
                .body("errors.size()", is(30))
                .body("errors[29].field", is("pupils[29].familyName"));

        assertThat(school.count("SELECT count(*) FROM pupil WHERE school_urn = ?", school.urn))
                .isEqualTo(1);
        assertThat(school.count("SELECT count(*) FROM guardian WHERE school_urn = ?", school.urn))
                .isZero();
        assertThat(refusals(school)).isEqualTo(audited + 2);
        assertThat(school.count(
                        "SELECT count(*) FROM audit_log WHERE school_urn = ? AND action = 'roster.synced'"
                                + " AND outcome = 'FAILED' AND detail LIKE '%pupils[1].admissionDate%'",
                        school.urn))
                .isEqualTo(1);
    }

    @Test
    void valuesOfTheWrongShapeAreReportedWithEveryOtherProblemOfTheBatchAndAudited() {
        Fixture school = Fixture.newSchool();
        long audited = refusals(school);
        String badDate = pupil("P0", 3, null).replace(BORN.toString(), "06/11/2019");
        String wordForNumber = pupil("P1", 3, null).replace("\"yearGroup\":3", "\"yearGroup\":\"three\"");
        String noName = pupil("P2", 3, null).replace("\"givenName\":\"Ada\",", "");
        String unknownRelationship = guardian("G1", "gran@example.org", "P2").replace("\"PARENT\"", "\"AUNTIE\"");
        String childrenNotAList = "{\"guardianId\":\"G2\",\"name\":\"Gran\",\"children\":\"P2\",\"colour\":\"red\"}";
        JsonPath problem = refused(
                school, sync(List.of(badDate, wordForNumber, noName), List.of(unknownRelationship, childrenNotAList)));
        assertThat(problem.getList("errors.field", String.class))
                .containsExactly(
                        "guardians[0].children[0].relationship",
                        "guardians[1].children",
                        "guardians[1].colour",
                        "pupils[0].dateOfBirth",
                        "pupils[1].yearGroup",
                        "pupils[2].givenName");
        assertThat(problem.getList("errors.message", String.class))
                .contains(
                        "'06/11/2019' is not a valid date (YYYY-MM-DD)",
                        "expected number, not a string",
                        "unknown property 'colour'");
        // a value read as absent because of its shape is not reported again as missing
        assertThat(problem.getList("errors.message", String.class)).doesNotContain("must not be null");
        assertThat(school.count("SELECT count(*) FROM pupil WHERE school_urn = ?", school.urn))
                .isZero();
        assertThat(refusals(school)).isEqualTo(audited + 1);
    }

    @Test
    void theDeclaredCharsetIsHonouredAndOneUnknownIsRefused() throws Exception {
        Fixture school = Fixture.newSchool();
        String body = sync(List.of(pupil("Z1", 3, null).replace("Ada", "Zoë Ñúñez")), List.of());
        given().header("Authorization", school.bearer("mis"))
                .contentType("application/json; charset=ISO-8859-1")
                .body(body.getBytes(StandardCharsets.ISO_8859_1))
                .post(school.base() + "/roster-sync")
                .then()
                .statusCode(200)
                .body("pupils.created", is(1));
        assertThat(school.count(
                        "SELECT count(*) FROM pupil WHERE school_urn = ? AND given_name = 'Zoë Ñúñez'", school.urn))
                .isEqualTo(1);
        given().header("Authorization", school.bearer("mis"))
                .contentType("application/json; charset=UTF-16")
                .body(body.replace("Z1", "Z2").getBytes(StandardCharsets.UTF_16))
                .post(school.base() + "/roster-sync")
                .then()
                .statusCode(200)
                .body("pupils.created", is(1));

        // sent with the JDK's client: REST Assured's own refuses a charset it does not know
        java.net.http.HttpResponse<String> unknown = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                                        + io.restassured.RestAssured.port + school.base() + "/roster-sync"))
                                .header("Authorization", school.bearer("mis"))
                                .header("Content-Type", "application/json; charset=x-no-such-charset")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.replace("Z1", "Z3")))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(415);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("x-no-such-charset");
        assertThat(school.count("SELECT count(*) FROM pupil WHERE school_urn = ?", school.urn))
                .isEqualTo(2);
    }

    @Test
    void aFullSyncMarksPupilsMissingFromTheFeedLeftTodayAndUnlinksMissingLinks() {
        Fixture school = Fixture.newSchool();
        LocalDate longAgo = LocalDate.of(2024, 7, 19);
        ok(
                school,
                null,
                sync(
                        List.of(
                                pupil("A", 3, null),
                                pupil("B", 3, null),
                                Fixture.pupilJson(BORN, 3, longAgo).replaceFirst("\\{", "{\"pupilId\":\"C\",")),
                        List.of(guardian("G1", "g1@example.org", "A", "B"), guardian("G2", "g2@example.org", "B"))));
        // incremental (the default): what the feed leaves out stays as it was
        JsonPath incremental = ok(school, null, sync(List.of(pupil("A", 3, null)), List.of()));
        assertThat(incremental.getList("pupilRecords")).hasSize(1);
        assertThat(school.count("SELECT count(*) FROM pupil WHERE school_urn = ? AND leaving_date IS NULL", school.urn))
                .isEqualTo(2);

        LocalDate today = LegalTime.today(clock);
        try (KafkaTestConsumer roster = new KafkaTestConsumer(Topics.ROSTER)) {
            JsonPath full = ok(
                    school, "FULL", sync(List.of(pupil("A", 3, null)), List.of(guardian("G1", "g1@example.org", "A"))));
            assertThat(full.getString("mode")).isEqualTo("FULL");
            assertThat(full.getInt("pupils.unchanged")).isEqualTo(1);
            assertThat(full.getInt("pupils.updated")).isEqualTo(1);
            assertThat(full.getInt("guardians.updated")).isEqualTo(2);
            assertThat(full.getString("pupilRecords.find { it.pupilId == 'B' }.outcome"))
                    .isEqualTo("MARKED_LEFT");
            assertThat(full.getList("pupilRecords.pupilId", String.class)).containsExactly("A", "B");
            assertThat(full.getList("guardianRecords.find { it.guardianId == 'G1' }.unlinked", String.class))
                    .containsExactly("B");
            assertThat(full.getString("guardianRecords.find { it.guardianId == 'G2' }.outcome"))
                    .isEqualTo("UNLINKED");
            assertThat(full.getList("guardianRecords.find { it.guardianId == 'G2' }.unlinked", String.class))
                    .containsExactly("B");
            assertThat(full.getList("warnings", Map.class))
                    .extracting(w -> w.get("code") + " " + w.get("pupilId") + " " + w.get("guardianId"))
                    .containsExactlyInAnyOrder("PUPIL_MISSING_FROM_FULL_SYNC B null", "GUARDIAN_WITHOUT_PUPIL null G2");

            // the consumer reads the topic from its start: B's enrolment and links come first
            List<CloudEvent> events = eventsFor(roster, school.urn + ":B", 6).stream()
                    .filter(e -> !e.type().equals(EventTypes.PUPIL_ENROLLED)
                            && !e.type().equals(EventTypes.GUARDIAN_LINKED))
                    .toList();
            assertThat(events)
                    .extracting(CloudEvent::type)
                    .containsExactlyInAnyOrder(
                            EventTypes.PUPIL_LEFT, EventTypes.GUARDIAN_UNLINKED, EventTypes.GUARDIAN_UNLINKED);
            assertThat(events.stream()
                            .filter(e -> e.type().equals(EventTypes.PUPIL_LEFT))
                            .map(e -> CloudEventCodec.data(e, RosterEvents.PupilLeft.class))
                            .toList())
                    .containsExactly(new RosterEvents.PupilLeft("B", today, null));
        }
        assertThat(school.count(
                        "SELECT count(*) FROM pupil WHERE school_urn = ? AND pupil_id = 'B' AND leaving_date = ?",
                        school.urn,
                        today))
                .isEqualTo(1);
        assertThat(school.count(
                        "SELECT count(*) FROM pupil WHERE school_urn = ? AND pupil_id = 'C' AND leaving_date = ?",
                        school.urn,
                        longAgo))
                .as("a pupil who had left already keeps the leaving date")
                .isEqualTo(1);
        assertThat(school.count("SELECT count(*) FROM guardian_link WHERE school_urn = ?", school.urn))
                .isEqualTo(1);

        // the same full sync again changes nothing
        long events = school.outboxEvents();
        JsonPath again =
                ok(school, "FULL", sync(List.of(pupil("A", 3, null)), List.of(guardian("G1", "g1@example.org", "A"))));
        assertThat(again.getList("warnings")).isEmpty();
        assertThat(again.getInt("pupils.updated")).isZero();
        assertThat(school.outboxEvents()).isEqualTo(events);
    }

    @Test
    void anEmptyFullSyncOrAnUnknownModeIsRefusedAndChangesNothing() {
        Fixture school = Fixture.newSchool();
        ok(school, null, sync(List.of(pupil("A", 3, null)), List.of(guardian("G1", "g1@example.org", "A"))));
        long events = school.outboxEvents();
        long audited = refusals(school);
        post(school, "FULL", "{\"pupils\":[],\"guardians\":[]}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", is(List.of("guardians", "pupils")));
        post(school, "FULL", "{}").then().statusCode(400).body("errors.field", hasItem("pupils"));
        post(school, "FULL", sync(List.of(pupil("A", 3, null)), List.of()))
                .then()
                .statusCode(400)
                .body("errors.field", is(List.of("guardians")));
        post(school, "EVERYTHING", sync(List.of(pupil("A", 3, null)), List.of()))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("mode"));
        assertThat(school.count("SELECT count(*) FROM pupil WHERE school_urn = ? AND leaving_date IS NULL", school.urn))
                .isEqualTo(1);
        assertThat(school.count("SELECT count(*) FROM guardian_link WHERE school_urn = ?", school.urn))
                .isEqualTo(1);
        assertThat(school.outboxEvents()).isEqualTo(events);
        assertThat(refusals(school)).as("the unknown mode too").isEqualTo(audited + 4);
    }

    private static List<CloudEvent> eventsFor(KafkaTestConsumer consumer, String key, int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<CloudEvent> events = List.of();
        while (System.nanoTime() < deadline && events.size() < atLeast) {
            events = consumer.drain(Duration.ofMillis(300)).stream()
                    .filter(r -> key.equals(r.key()))
                    .map(ConsumerRecord::value)
                    .map(CloudEventCodec::fromJson)
                    .toList();
        }
        return events;
    }
}
