package org.custodian.consent.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.events.Topics;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@ConsentTest
class RosterTest {

    private static final LocalDate BORN = LocalDate.of(2018, 3, 14);

    private static List<CloudEvent> eventsFor(KafkaTestConsumer consumer, String key, int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<CloudEvent> events = List.of();
        while (System.nanoTime() < deadline) {
            events = consumer.drain(Duration.ofMillis(300)).stream()
                    .filter(r -> key.equals(r.key()))
                    .map(ConsumerRecord::value)
                    .map(CloudEventCodec::fromJson)
                    .toList();
            if (events.size() >= atLeast) {
                break;
            }
        }
        return events;
    }

    /** Issue 17: the pupil list carries a strong ETag; polling it with If-None-Match is a 304 until it changes. */
    @Test
    void thePupilListCarriesAnETagAndIsA304UntilItChanges() {
        Fixture school = Fixture.newSchool();
        school.pupil("P1", BORN).then().statusCode(201);
        String list = school.base() + "/pupils";
        var first = school.asMis().get(list);
        String etag = first.then().statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        var unchanged = school.asMis().header("If-None-Match", etag).get(list);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.asByteArray()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);

        school.pupil("P2", BORN).then().statusCode(201);
        var changed = school.asMis().header("If-None-Match", etag).get(list);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.jsonPath().getList("items.pupilId")).containsExactly("P1", "P2");
    }

    @Test
    void aPupilIsEnrolledUpdatedAndLeavesWithOneEventPerRealChange() {
        Fixture school = Fixture.newSchool();
        try (KafkaTestConsumer roster = new KafkaTestConsumer(Topics.ROSTER)) {
            school.pupil("P1", BORN).then().statusCode(201).body("onRoll", is(true));
            school.pupil("P1", BORN).then().statusCode(200);
            school.asMis()
                    .body(Fixture.pupilJson(BORN, 4, null))
                    .put(school.base() + "/pupils/P1")
                    .then()
                    .statusCode(200)
                    .body("yearGroup", is(4));
            school.asMis()
                    .body(Fixture.pupilJson(BORN, 4, LocalDate.of(2024, 7, 19)))
                    .put(school.base() + "/pupils/P1")
                    .then()
                    .statusCode(200)
                    .body("onRoll", is(false));

            List<CloudEvent> events = eventsFor(roster, school.urn + ":P1", 3);
            assertThat(events)
                    .extracting(CloudEvent::type)
                    .containsExactly(EventTypes.PUPIL_ENROLLED, EventTypes.PUPIL_UPDATED, EventTypes.PUPIL_LEFT);
            RosterEvents.PupilChanged enrolled = CloudEventCodec.data(events.get(0), RosterEvents.PupilChanged.class);
            assertThat(enrolled.dateOfBirth()).isEqualTo(BORN);
            assertThat(enrolled.onRoll()).isTrue();
            assertThat(events.get(0).data().has("givenName"))
                    .as("no names in events")
                    .isFalse();
            assertThat(CloudEventCodec.data(events.get(2), RosterEvents.PupilLeft.class)
                            .leavingDate())
                    .isEqualTo(LocalDate.of(2024, 7, 19));
        }
    }

    @Test
    void guardiansAreLinkedAndUnlinked() {
        Fixture school = Fixture.newSchool();
        school.pupil("A", BORN).then().statusCode(201);
        school.pupil("B", BORN).then().statusCode(201);
        try (KafkaTestConsumer roster = new KafkaTestConsumer(Topics.ROSTER)) {
            school.guardian("G1", true, "A", "B").then().statusCode(201).body("children.pupilId", contains("A", "B"));
            school.guardian("G1", true, "B").then().statusCode(200).body("children.pupilId", contains("B"));

            List<CloudEvent> aEvents = eventsFor(roster, school.urn + ":A", 3).stream()
                    .filter(e -> e.type().contains("guardian"))
                    .toList();
            assertThat(aEvents)
                    .extracting(CloudEvent::type)
                    .containsExactly(EventTypes.GUARDIAN_LINKED, EventTypes.GUARDIAN_UNLINKED);
            RosterEvents.GuardianLink link = CloudEventCodec.data(aEvents.get(0), RosterEvents.GuardianLink.class);
            assertThat(link.guardianId()).isEqualTo("G1");
            assertThat(link.parentalResponsibility()).isTrue();
            assertThat(eventsFor(roster, school.urn + ":B", 2))
                    .extracting(CloudEvent::type)
                    .containsExactly(EventTypes.PUPIL_ENROLLED, EventTypes.GUARDIAN_LINKED);
        }
    }

    @Test
    void theMisMarksALinkRestrictedAndTheEventSaysSoWhileTheParentDoesNotSeeIt() {
        Fixture school = Fixture.newSchool();
        school.pupil("A", BORN).then().statusCode(201);
        school.pupil("B", BORN).then().statusCode(201);
        school.guardian("DAD", true, "A", "B").then().statusCode(201);
        try (KafkaTestConsumer roster = new KafkaTestConsumer(Topics.ROSTER)) {
            school.asMis()
                    .body("""
                    {"name":"Dad","email":"dad@example.org","children":[
                      {"pupilId":"A","parentalResponsibility":true,"relationship":"FATHER","restricted":true,"restriction":"COURT_ORDER"},
                      {"pupilId":"B","parentalResponsibility":true,"relationship":"FATHER","restriction":"NO_CONTACT"}]}
                    """)
                    .put(school.base() + "/guardians/DAD")
                    .then()
                    .statusCode(200)
                    .body("children.restricted", contains(true, true))
                    .body("children.restriction", contains("COURT_ORDER", "NO_CONTACT"));

            RosterEvents.GuardianLink linked = eventsFor(roster, school.urn + ":A", 1).stream()
                    .filter(e -> e.type().equals(EventTypes.GUARDIAN_LINKED))
                    .map(e -> CloudEventCodec.data(e, RosterEvents.GuardianLink.class))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(linked.hasRestriction()).isTrue();
            assertThat(linked.restricted()).isTrue();
            assertThat(linked.restriction()).isEqualTo("COURT_ORDER");
        }
        assertThat(school.count("SELECT count(*) FROM guardian_link WHERE school_urn = ? AND restricted", school.urn))
                .isEqualTo(2);
        school.as(school.bearer("dpo"))
                .get(school.base() + "/guardians/DAD")
                .then()
                .statusCode(200)
                .body("children.restricted", contains(true, true));
        school.as(school.parent("DAD"))
                .get(school.base() + "/guardians/DAD")
                .then()
                .statusCode(200)
                .body("children.pupilId", contains("A", "B"))
                .body("children[0].restricted", is((Object) null))
                .body("children[0].restriction", is((Object) null));

        // the same through the roster sync; a kind with restricted: false contradicts itself and stores nothing
        school.asMis().body("""
                {"guardians":[{"guardianId":"MUM","name":"Mum","children":[
                  {"pupilId":"A","parentalResponsibility":true,"relationship":"MOTHER","restricted":true}]}]}
                """).post(school.base() + "/roster-sync").then().statusCode(200);
        assertThat(school.count(
                        "SELECT count(*) FROM guardian_link WHERE school_urn = ? AND guardian_id = 'MUM' AND restricted"
                                + " AND restriction IS NULL",
                        school.urn))
                .isEqualTo(1);
        school.asMis()
                .body("""
                {"name":"Gran","children":[{"pupilId":"A","parentalResponsibility":false,"relationship":"GRANDPARENT",
                  "restricted":false,"restriction":"NO_CONTACT"}]}
                """)
                .put(school.base() + "/guardians/GRAN")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("guardians[0].children[0].restriction"));
        school.asMis().body("""
                {"name":"Gran","children":[{"pupilId":"A","parentalResponsibility":false,"relationship":"GRANDPARENT",
                  "restriction":"SEES_EVERYTHING"}]}
                """).put(school.base() + "/guardians/GRAN").then().statusCode(400);
        assertThat(school.count(
                        "SELECT count(*) FROM guardian WHERE school_urn = ? AND guardian_id = 'GRAN'", school.urn))
                .isZero();
    }

    @Test
    void aLinkToAPupilNotOnTheRosterIsRefused() {
        Fixture school = Fixture.newSchool();
        school.guardian("G1", true, "NOBODY")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("guardians[0].children[0].pupilId"));
        assertThat(school.count("SELECT count(*) FROM guardian WHERE school_urn = ?", school.urn))
                .isZero();
    }

    @Test
    void aSyncReportsCreatedUpdatedAndUnchanged() {
        Fixture school = Fixture.newSchool();
        String sync = """
                {"pupils":[%s,%s],"guardians":[{"guardianId":"G1","name":"Mo","children":[{"pupilId":"S1","parentalResponsibility":true,"relationship":"MOTHER"}]}]}
                """.formatted(
                        withId("S1", Fixture.pupilJson(BORN, 3, null)), withId("S2", Fixture.pupilJson(BORN, 3, null)));
        JsonPath first = school.asMis()
                .body(sync)
                .post(school.base() + "/roster-sync")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getInt("pupils.created")).isEqualTo(2);
        assertThat(first.getInt("guardians.created")).isEqualTo(1);
        long events = school.outboxEvents();

        JsonPath again = school.asMis()
                .body(sync)
                .post(school.base() + "/roster-sync")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(again.getInt("pupils.unchanged")).isEqualTo(2);
        assertThat(again.getInt("guardians.unchanged")).isEqualTo(1);
        assertThat(school.outboxEvents()).as("no event without a change").isEqualTo(events);

        JsonPath changed = school.asMis()
                .body(sync.replace("\"yearGroup\":3", "\"yearGroup\":5"))
                .post(school.base() + "/roster-sync")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(changed.getInt("pupils.updated")).isEqualTo(2);
        assertThat(school.outboxEvents()).isEqualTo(events + 2);
    }

    @Test
    void aBadOrOversizeSyncStoresNothing() {
        Fixture school = Fixture.newSchool();
        String duplicate = "{\"pupils\":[" + withId("D", Fixture.pupilJson(BORN, 3, null)) + ","
                + withId("D", Fixture.pupilJson(BORN, 3, null)) + "]}";
        school.asMis()
                .body(duplicate)
                .post(school.base() + "/roster-sync")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("more than once"));

        StringBuilder big = new StringBuilder("{\"pupils\":[");
        for (int i = 0; i <= RosterSyncRequest.MAX_PUPILS; i++) {
            big.append(i == 0 ? "" : ",").append(withId("X" + i, Fixture.pupilJson(BORN, 3, null)));
        }
        school.asMis()
                .body(big.append("]}").toString())
                .post(school.base() + "/roster-sync")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("pupils"));

        String badDates = "{\"pupils\":["
                + withId(
                        "E",
                        Fixture.pupilJson(BORN, 3, null)
                                .replace(BORN.plusYears(4).toString(), "2010-01-01")) + "]}";
        school.asMis()
                .body(badDates)
                .post(school.base() + "/roster-sync")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("pupils[0].admissionDate"));
        String futureBirth = Fixture.pupilJson(LocalDate.now().plusDays(3), 3, null);
        school.asMis()
                .body(futureBirth)
                .put(school.base() + "/pupils/F")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("dateOfBirth"));
        school.asMis()
                .body(Fixture.pupilJson(BORN, 3, null))
                .put(school.base() + "/pupils/has%20space")
                .then()
                .statusCode(400);

        assertThat(school.count("SELECT count(*) FROM pupil WHERE school_urn = ?", school.urn))
                .isZero();
        assertThat(school.outboxEvents()).isZero();
    }

    @Test
    void listsFilterAndPage() {
        Fixture school = Fixture.newSchool();
        for (int i = 0; i < 5; i++) {
            school.asMis()
                    .body(Fixture.pupilJson(BORN, i % 2 == 0 ? 3 : 4, i == 4 ? LocalDate.of(2024, 7, 19) : null))
                    .put(school.base() + "/pupils/L" + i)
                    .then()
                    .statusCode(201);
        }
        JsonPath year3 = school.as(school.bearer("staff"))
                .queryParam("yearGroup", 3)
                .queryParam("status", "ON_ROLL")
                .get(school.base() + "/pupils")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(year3.getList("items.pupilId", String.class)).containsExactly("L0", "L2");
        JsonPath left = school.as(school.bearer("staff"))
                .queryParam("status", "LEFT")
                .get(school.base() + "/pupils")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(left.getList("items.pupilId", String.class)).containsExactly("L4");
        JsonPath page = school.as(school.bearer("dpo"))
                .queryParam("limit", 2)
                .get(school.base() + "/pupils")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items")).hasSize(2);
        String second = school.as(school.bearer("dpo"))
                .queryParam("limit", 2)
                .queryParam("cursor", page.getString("nextCursor"))
                .get(school.base() + "/pupils")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items[0].pupilId");
        assertThat(second).isEqualTo("L2");
        school.as(school.bearer("staff"))
                .queryParam("status", "GONE")
                .get(school.base() + "/pupils")
                .then()
                .statusCode(400);
        school.as(school.bearer("staff"))
                .queryParam("yearGroup", "three")
                .get(school.base() + "/pupils")
                .then()
                .statusCode(400);
    }

    @Test
    void aParentSeesOnlyTheirOwnChildren() {
        Fixture school = Fixture.newSchool();
        school.pupil("MINE", BORN).then().statusCode(201);
        school.pupil("THEIRS", BORN).then().statusCode(201);
        school.guardian("ME", true, "MINE").then().statusCode(201);
        school.guardian("STEP", false, "MINE").then().statusCode(201);

        school.as(school.parent("ME"))
                .get(school.base() + "/pupils")
                .then()
                .statusCode(200)
                .body("items.pupilId", contains("MINE"));
        school.as(school.parent("ME"))
                .get(school.base() + "/pupils/THEIRS")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // linked without parental responsibility: told why, not "no pupil with that id"
        school.as(school.parent("STEP"))
                .get(school.base() + "/pupils/MINE")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("you do not have parental responsibility for Ada"));
        school.as(school.parent("ME"))
                .get(school.base() + "/guardians/STEP")
                .then()
                .statusCode(404);
        school.as(school.parent("ME"))
                .get(school.base() + "/guardians/ME")
                .then()
                .statusCode(200);
        school.as(school.pupilToken("THEIRS"))
                .get(school.base() + "/pupils/THEIRS")
                .then()
                .statusCode(200);
        school.as(school.pupilToken("THEIRS"))
                .get(school.base() + "/pupils/MINE")
                .then()
                .statusCode(404);
    }

    @Test
    void rolesAndTenancy() {
        Fixture school = Fixture.newSchool();
        school.as(school.bearer("staff"))
                .body(Fixture.pupilJson(BORN, 3, null))
                .put(school.base() + "/pupils/Z")
                .then()
                .statusCode(403);
        school.as(school.bearer("parent"))
                .body(Fixture.pupilJson(BORN, 3, null))
                .put(school.base() + "/pupils/Z")
                .then()
                .statusCode(403);
        school.as(TestTokens.bearer("partner", school.urn))
                .get(school.base() + "/pupils")
                .then()
                .statusCode(403);
        school.as(TestTokens.bearer("mis", "999998"))
                .body(Fixture.pupilJson(BORN, 3, null))
                .put(school.base() + "/pupils/Z")
                .then()
                .statusCode(403);
        school.as(school.bearer("mis"))
                .body(Fixture.pupilJson(BORN, 3, null).replace("}", ",\"schoolUrn\":\"999998\"}"))
                .put(school.base() + "/pupils/Z")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("schoolUrn"));
        assertThat(school.count("SELECT count(*) FROM pupil WHERE school_urn = ?", school.urn))
                .isZero();
    }

    /** Issue 24: the school the pupil left for reaches sharing-service on pupil.left (reg 9(3) of the 2005 Regulations). */
    @Test
    void theSchoolThePupilLeftForIsStoredAndPublishedWhenItBecomesKnownOrChangesWhileALeavingDateIsSet() {
        Fixture school = Fixture.newSchool();
        LocalDate left = LocalDate.of(2024, 7, 19);
        LocalDate corrected = LocalDate.of(2024, 7, 22);
        try (KafkaTestConsumer roster = new KafkaTestConsumer(Topics.ROSTER)) {
            school.pupil("P1", BORN).then().statusCode(201);
            // the destination known before any leaving date: stored, and pupil.updated carries it
            put(school, "P1", withDestination(Fixture.pupilJson(BORN, 3, null), "100001"))
                    .then()
                    .statusCode(200)
                    .body("destinationUrn", is("100001"));
            // a leaving date: pupil.left with the destination
            put(school, "P1", withDestination(Fixture.pupilJson(BORN, 3, left), "100001"))
                    .then()
                    .statusCode(200);
            // the destination changes while the leaving date stays
            put(school, "P1", withDestination(Fixture.pupilJson(BORN, 3, left), "100002"))
                    .then()
                    .statusCode(200)
                    .body("destinationUrn", is("100002"));
            // the same again: no event
            put(school, "P1", withDestination(Fixture.pupilJson(BORN, 3, left), "100002"))
                    .then()
                    .statusCode(200);
            // the leaving date moves, and the year group with it: pupil.left, then pupil.updated for the year group
            put(school, "P1", withDestination(Fixture.pupilJson(BORN, 4, corrected), "100002"))
                    .then()
                    .statusCode(200);
            // the MIS no longer knows the destination: pupil.left says so
            put(school, "P1", Fixture.pupilJson(BORN, 4, corrected)).then().statusCode(200);

            List<CloudEvent> events = eventsFor(roster, school.urn + ":P1", 7);
            assertThat(events)
                    .extracting(CloudEvent::type)
                    .containsExactly(
                            EventTypes.PUPIL_ENROLLED,
                            EventTypes.PUPIL_UPDATED,
                            EventTypes.PUPIL_LEFT,
                            EventTypes.PUPIL_LEFT,
                            EventTypes.PUPIL_LEFT,
                            EventTypes.PUPIL_UPDATED,
                            EventTypes.PUPIL_LEFT);
            assertThat(CloudEventCodec.data(events.get(1), RosterEvents.PupilChanged.class)
                            .destinationUrn())
                    .isEqualTo("100001");
            assertThat(events.subList(2, 5))
                    .extracting(e -> CloudEventCodec.data(e, RosterEvents.PupilLeft.class))
                    .containsExactly(
                            new RosterEvents.PupilLeft("P1", left, "100001"),
                            new RosterEvents.PupilLeft("P1", left, "100002"),
                            new RosterEvents.PupilLeft("P1", corrected, "100002"));
            RosterEvents.PupilChanged updated = CloudEventCodec.data(events.get(5), RosterEvents.PupilChanged.class);
            assertThat(updated.yearGroup()).isEqualTo(4);
            assertThat(updated.leavingDate()).isEqualTo(corrected);
            assertThat(updated.destinationUrn()).isEqualTo("100002");
            assertThat(CloudEventCodec.data(events.get(6), RosterEvents.PupilLeft.class))
                    .isEqualTo(new RosterEvents.PupilLeft("P1", corrected, null));
        }
        assertThat(school.count(
                        "SELECT count(*) FROM pupil WHERE school_urn = ? AND destination_urn IS NULL", school.urn))
                .isEqualTo(1);
    }

    @Test
    void aSyncNamesTheNewSchoolAndAPupilEnrolledAlreadyLeftIsPublishedWithIt() {
        Fixture school = Fixture.newSchool();
        LocalDate left = LocalDate.of(2024, 7, 19);
        try (KafkaTestConsumer roster = new KafkaTestConsumer(Topics.ROSTER)) {
            school.asMis()
                    .body("{\"pupils\":[" + withId("L1", withDestination(Fixture.pupilJson(BORN, 3, left), "100003"))
                            + "]}")
                    .post(school.base() + "/roster-sync")
                    .then()
                    .statusCode(200)
                    .body("pupils.created", is(1));
            List<CloudEvent> events = eventsFor(roster, school.urn + ":L1", 2);
            assertThat(events)
                    .extracting(CloudEvent::type)
                    .containsExactly(EventTypes.PUPIL_ENROLLED, EventTypes.PUPIL_LEFT);
            assertThat(CloudEventCodec.data(events.get(1), RosterEvents.PupilLeft.class))
                    .isEqualTo(new RosterEvents.PupilLeft("L1", left, "100003"));
        }
    }

    @Test
    void aBadDestinationIsRefusedAndChangesNothing() {
        Fixture school = Fixture.newSchool();
        LocalDate left = LocalDate.of(2024, 7, 19);
        school.asMis()
                .body(Fixture.pupilJson(BORN, 3, left))
                .put(school.base() + "/pupils/K")
                .then()
                .statusCode(201);
        long events = school.outboxEvents();
        for (String bad : List.of("12345", "1234567", "ABCDEF", "12 456")) {
            school.asMis()
                    .body("{\"pupils\":[" + withId("K", withDestination(Fixture.pupilJson(BORN, 3, left), bad)) + ","
                            + withId("N", Fixture.pupilJson(BORN, 3, null)) + "]}")
                    .post(school.base() + "/roster-sync")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("pupils[0].destinationUrn"));
            put(school, "K", withDestination(Fixture.pupilJson(BORN, 3, left), bad))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("destinationUrn"));
        }
        // the school the pupil leaves is not where the pupil went
        school.asMis()
                .body("{\"pupils\":[" + withId("K", withDestination(Fixture.pupilJson(BORN, 3, left), school.urn))
                        + "]}")
                .post(school.base() + "/roster-sync")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("pupils[0].destinationUrn"));
        assertThat(school.count(
                        "SELECT count(*) FROM pupil WHERE school_urn = ? AND destination_urn IS NOT NULL", school.urn))
                .isZero();
        assertThat(school.count("SELECT count(*) FROM pupil WHERE school_urn = ?", school.urn))
                .isEqualTo(1);
        assertThat(school.outboxEvents()).isEqualTo(events);
    }

    private static io.restassured.response.Response put(Fixture school, String pupilId, String json) {
        return school.asMis().body(json).put(school.base() + "/pupils/" + pupilId);
    }

    private static String withDestination(String json, String urn) {
        return json.substring(0, json.length() - 1) + ",\"destinationUrn\":\"" + urn + "\"}";
    }

    private static String withId(String id, String json) {
        return json.replaceFirst("\\{", "{\"pupilId\":\"" + id + "\",");
    }
}
