package org.custodian.retention.holding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.base;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.holding;
import static org.custodian.retention.testing.RetentionSchool.register;
import static org.custodian.retention.testing.RetentionSchool.rows;
import static org.custodian.testing.SchoolFixture.count;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RetentionEvents;
import org.custodian.retention.Events;
import org.custodian.retention.RetentionTest;
import org.junit.jupiter.api.Test;

/**
 * The systems that hold a school's records, by record class, announced as {@code holding-systems.changed} whenever
 * the map changes (for accountability-service's record of processing activities); read from the broker as a consumer
 * reads it.
 */
@RetentionTest
class HoldingSystemsTest {

    static final String TODAY = LocalDate.now().toString();

    /** A holding as the API takes it, from a named system. */
    static Map<String, Object> held(String recordClass, String pupilId, String system, String reference) {
        Map<String, Object> h = new LinkedHashMap<>(holding(recordClass, pupilId, reference, "2019-09-04"));
        h.put("system", system);
        return h;
    }

    /** The school's announcements once at least {@code expected} have arrived, and any more within 2 s. */
    static List<RetentionEvents.HoldingSystemsChanged> announced(Events events, String school, int expected) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.count(EventTypes.HOLDING_SYSTEMS_CHANGED, school, d -> true, Duration.ofMillis(200))
                        >= expected);
        return events.all(EventTypes.HOLDING_SYSTEMS_CHANGED, school, d -> true, Duration.ofSeconds(2)).stream()
                .map(HoldingSystemsTest::payload)
                .toList();
    }

    static RetentionEvents.HoldingSystemsChanged payload(CloudEvent event) {
        assertThat(event.subject()).isEqualTo("schools/" + event.schoolurn());
        try {
            return CloudEventCodec.mapper().treeToValue(event.data(), RetentionEvents.HoldingSystemsChanged.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static long storedVersion(String school) {
        return count("SELECT version FROM holding_systems_announced WHERE school_urn = ?", school);
    }

    @Test
    void aRegistrationAnnouncesTheMapAndOnlyAChangeOfItAnnouncesAgain() {
        String school = freshSchool();
        List<Map<String, Object>> first = List.of(
                held("PUPIL_RECORD_LAST_SCHOOL", "P-1", "SIMS", "EDU-1"),
                held("PUPIL_RECORD_LAST_SCHOOL", "P-2", "SIMS", "EDU-2"),
                held("SEN_FILES", "P-1", "Arbor", "SEN-1"),
                held("CHILD_PROTECTION", "P-1", "CPOMS", "CP-1"));
        try (Events events = new Events()) {
            Instant before = Instant.now();
            register(school, first).statusCode(200).body("created", is(4));
            List<RetentionEvents.HoldingSystemsChanged> sent = announced(events, school, 1);
            assertThat(sent).hasSize(1);
            RetentionEvents.HoldingSystemsChanged v1 = sent.get(0);
            assertThat(v1.version()).isEqualTo(1);
            assertThat(v1.systemsByClass())
                    .containsExactly(
                            Map.entry("CHILD_PROTECTION", List.of("CPOMS")),
                            Map.entry("PUPIL_RECORD_LAST_SCHOOL", List.of("SIMS")),
                            Map.entry("SEN_FILES", List.of("Arbor")));
            assertThat(v1.changedAt()).isAfterOrEqualTo(before.minusSeconds(1));

            // the same registration again, and a new record of a class in a system already named: nothing
            register(school, first).statusCode(200).body("unchanged", is(4));
            register(school, List.of(held("PUPIL_RECORD_LAST_SCHOOL", "P-3", "SIMS", "EDU-3")))
                    .statusCode(200)
                    .body("created", is(1));
            assertThat(announced(events, school, 1)).hasSize(1);

            // a class held in a new system: version 2 names both, sorted by code point
            register(school, List.of(held("PUPIL_RECORD_LAST_SCHOOL", "P-1", "paper files", "Box 7")))
                    .statusCode(200);
            register(school, List.of(held("PUPIL_RECORD_LAST_SCHOOL", "P-1", "Arbor", "EDU-1")))
                    .statusCode(200);
            sent = announced(events, school, 3);
            assertThat(sent).hasSize(3);
            assertThat(sent.get(1).version()).isEqualTo(2);
            assertThat(sent.get(1).systemsByClass())
                    .containsEntry("PUPIL_RECORD_LAST_SCHOOL", List.of("SIMS", "paper files"))
                    .containsEntry("SEN_FILES", List.of("Arbor"))
                    .hasSize(3);
            assertThat(sent.get(2).version()).isEqualTo(3);
            assertThat(sent.get(2).systemsByClass())
                    .containsEntry("PUPIL_RECORD_LAST_SCHOOL", List.of("Arbor", "SIMS", "paper files"));

            // a refused registration sends nothing; a source re-registered under another class moves its system
            register(school, List.of(held("NOT_A_CLASS", "P-1", "Arbor", "SEN-1")))
                    .statusCode(400);
            register(school, List.of(held("CHILD_PROTECTION", "P-1", "Arbor", "SEN-1")))
                    .statusCode(200)
                    .body("updated", is(1));
            sent = announced(events, school, 4);
            assertThat(sent).hasSize(4);
            assertThat(sent.get(3).version()).isEqualTo(4);
            assertThat(sent.get(3).systemsByClass())
                    .containsExactly(
                            Map.entry("CHILD_PROTECTION", List.of("Arbor", "CPOMS")),
                            Map.entry("PUPIL_RECORD_LAST_SCHOOL", List.of("Arbor", "SIMS", "paper files")));
            assertThat(storedVersion(school)).isEqualTo(4);
        }
    }

    @Test
    void theLastRecordOfAClassInASystemDestroyedAndConfirmedTakesTheSystemOut() {
        String school = freshSchool();
        Map<String, String> ids = new HashMap<>();
        try (Events events = new Events()) {
            List<Map<String, Object>> items = register(
                            school,
                            List.of(
                                    // created 2010, due 2016: destroy
                                    withCreatedOn(
                                            held("ADMISSION_ATTENDANCE_REGISTERS", null, "paper files", "ADM-2010"),
                                            "2010-09-01"),
                                    // not due for years
                                    withCreatedOn(
                                            held("ADMISSION_ATTENDANCE_REGISTERS", null, "SIMS", "ADM-NEW"),
                                            LocalDate.now().minusYears(1).toString())))
                    .statusCode(200)
                    .body("created", is(2))
                    .extract()
                    .path("items");
            items.forEach(i -> ids.put((String) i.get("reference"), (String) i.get("id")));
            assertThat(announced(events, school, 1))
                    .singleElement()
                    .satisfies(v -> assertThat(v.systemsByClass())
                            .containsExactly(
                                    Map.entry("ADMISSION_ATTENDANCE_REGISTERS", List.of("SIMS", "paper files"))));

            // proposed and approved, it is still held
            String batch = as("dpo", school)
                    .body(Map.of("recordClasses", List.of("ADMISSION_ATTENDANCE_REGISTERS")))
                    .post(base(school) + "/disposal-batches")
                    .then()
                    .statusCode(201)
                    .body("itemCount", is(1))
                    .extract()
                    .path("id");
            as("dpo", school)
                    .body("{}")
                    .post(base(school) + "/disposal-batches/" + batch + "/approval")
                    .then()
                    .statusCode(200)
                    .body("outcomes.DESTROY", is(1));
            assertThat(announced(events, school, 1)).hasSize(1);

            // destroyed: the paper files no longer hold the class
            as("mis", school)
                    .body(Map.of("disposedOn", TODAY, "method", "cross-cut shredding", "by", "Office manager"))
                    .post(base(school) + "/holdings/" + ids.get("ADM-2010") + "/destruction-confirmation")
                    .then()
                    .statusCode(200)
                    .body("status", is("DISPOSED"));
            List<RetentionEvents.HoldingSystemsChanged> sent = announced(events, school, 2);
            assertThat(sent).hasSize(2);
            assertThat(sent.get(1).version()).isEqualTo(2);
            assertThat(sent.get(1).systemsByClass())
                    .containsExactly(Map.entry("ADMISSION_ATTENDANCE_REGISTERS", List.of("SIMS")));
            assertThat(storedVersion(school)).isEqualTo(2);
        }
    }

    @Test
    void twoSchoolsAreAnnouncedApart() {
        String one = freshSchool();
        String other = freshSchool();
        try (Events events = new Events()) {
            register(one, List.of(held("SEN_FILES", "P-1", "SIMS", "SEN-1"))).statusCode(200);
            register(other, List.of(held("SEN_FILES", "P-1", "Arbor", "SEN-1"))).statusCode(200);
            register(other, List.of(held("ACCIDENT_BOOK", null, "paper files", "ACC-1")))
                    .statusCode(200);

            assertThat(announced(events, one, 1)).singleElement().satisfies(v -> {
                assertThat(v.version()).isEqualTo(1);
                assertThat(v.systemsByClass()).containsExactly(Map.entry("SEN_FILES", List.of("SIMS")));
            });
            List<RetentionEvents.HoldingSystemsChanged> others = announced(events, other, 2);
            assertThat(others)
                    .extracting(RetentionEvents.HoldingSystemsChanged::version)
                    .containsExactly(1L, 2L);
            assertThat(others.get(1).systemsByClass())
                    .containsExactly(
                            Map.entry("ACCIDENT_BOOK", List.of("paper files")),
                            Map.entry("SEN_FILES", List.of("Arbor")));
        }
    }

    @Test
    void concurrentRegistrationsAnnounceEachVersionOnceAndTheLastNamesEverySystem() {
        String school = freshSchool();
        List<String> systems = List.of("SIMS", "Arbor", "CPOMS", "MyConcern", "paper files");
        try (Events events = new Events()) {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (String system : systems) {
                calls.add(CompletableFuture.supplyAsync(() -> register(
                                school, List.of(held("SEN_FILES", "P-1", system, "SEN-" + system)))
                        .extract()
                        .statusCode()));
            }
            assertThat(calls.stream().map(CompletableFuture::join)).containsOnly(200);

            List<RetentionEvents.HoldingSystemsChanged> sent = announced(events, school, systems.size());
            assertThat(sent).hasSize(systems.size());
            // published in the order of their versions (one key per school, written under the school's lock)
            assertThat(sent)
                    .extracting(RetentionEvents.HoldingSystemsChanged::version)
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(sent.get(4).systemsByClass())
                    .containsExactly(
                            Map.entry("SEN_FILES", List.of("Arbor", "CPOMS", "MyConcern", "SIMS", "paper files")));
            // each version names one system more than the one before it
            for (int i = 1; i < sent.size(); i++) {
                assertThat(sent.get(i).systemsByClass().get("SEN_FILES"))
                        .hasSize(i + 1)
                        .containsAll(sent.get(i - 1).systemsByClass().get("SEN_FILES"));
            }
            assertThat(rows(
                            "SELECT version, systems::text FROM holding_systems_announced WHERE school_urn = ?",
                            school))
                    .singleElement()
                    .satisfies(row -> assertThat(row.get(0)).isEqualTo(5L));
        }
    }

    private static Map<String, Object> withCreatedOn(Map<String, Object> holding, String createdOn) {
        Map<String, Object> h = new LinkedHashMap<>(holding);
        h.put("createdOn", createdOn);
        return h;
    }
}
