package org.custodian.retention.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.retention.schedule.ScheduleApiTest.lastSchoolRecord;
import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.base;
import static org.custodian.retention.testing.RetentionSchool.execute;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.holding;
import static org.custodian.retention.testing.RetentionSchool.legalHold;
import static org.custodian.retention.testing.RetentionSchool.register;
import static org.custodian.testing.SchoolFixture.count;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.events.Topics;
import org.custodian.retention.Events;
import org.custodian.retention.RetentionTest;
import org.custodian.retention.holding.DefaultRevisionService;
import org.custodian.retention.subject.RosterConsumer;
import org.custodian.testing.KafkaTestProducer;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a school's default schedule (the IRMS rows, which live in code) is announced once, as one
 * {@code retention-rule.changed} per class the school has not overridden, when retention-service first learns of the
 * school; read from the broker as the accountability-service reads it.
 */
@RetentionTest
class DefaultAnnouncementTest {

    static final int IRMS_CLASSES = IrmsSchedule.rules().size();

    @Inject
    DefaultRevisionService revisions;

    static final Predicate<JsonNode> IRMS = d -> d.path("origin").asText().equals(DefaultAnnouncementService.ORIGIN);

    /** {@code school.updated} as the roster's owner sends it. */
    static CloudEvent schoolUpdated(String school) {
        CloudEvent event = CloudEvent.aboutSchool(
                Topics.ownerOf(Topics.ROSTER).orElseThrow(),
                EventTypes.SCHOOL_UPDATED,
                school,
                CloudEventCodec.toData(new RosterEvents.SchoolUpdated(
                        school,
                        "Test Primary School",
                        "ACADEMY",
                        "ENGLAND_AND_WALES",
                        "Carole Dpo",
                        "dpo@school.example",
                        13,
                        "MOST_RESTRICTIVE")));
        send(event);
        return event;
    }

    static void send(CloudEvent event) {
        KafkaTestProducer.send(Topics.ROSTER, event.partitionKey(), CloudEventCodec.toJson(event));
    }

    static void awaitConsumed(CloudEvent event) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "SELECT count(*) FROM inbox_event WHERE consumer = ? AND event_id = ?",
                                RosterConsumer.NAME,
                                event.id())
                        == 1);
    }

    /** The school's IRMS announcements once at least {@code expected} have arrived, and any more within 2 s. */
    static List<CloudEvent> irms(Events events, String school, int expected) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.count(EventTypes.RETENTION_RULE_CHANGED, school, IRMS, Duration.ofMillis(200))
                        >= expected);
        return events.all(EventTypes.RETENTION_RULE_CHANGED, school, IRMS, Duration.ofSeconds(2));
    }

    static List<String> classes(List<CloudEvent> announced) {
        return announced.stream()
                .map(e -> e.data().path("recordClass").asText())
                .toList();
    }

    static long announcedRows(String school) {
        return count("SELECT count(*) FROM schedule_default_announced WHERE school_urn = ?", school);
    }

    @Test
    void schoolUpdatedAnnouncesEveryDefaultAsTheScheduleShowsIt() {
        String school = freshSchool();
        try (Events events = new Events()) {
            schoolUpdated(school);
            List<CloudEvent> announced = irms(events, school, IRMS_CLASSES);

            assertThat(announced).hasSize(IRMS_CLASSES);
            assertThat(classes(announced))
                    .containsExactlyElementsOf(IrmsSchedule.rules().stream()
                            .map(RetentionRule::code)
                            .toList());
            List<Map<String, Object>> shown = as("dpo", school)
                    .queryParam("limit", 500)
                    .get(base(school) + "/retention-schedule")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            for (CloudEvent e : announced) {
                JsonNode d = e.data();
                assertThat(e.subject()).isEqualTo("schools/" + school);
                assertThat(d.path("version").asInt()).isZero();
                assertThat(Instant.parse(d.path("changedAt").asText())).isBefore(Instant.now());
                assertThat(d.has("reason")).isFalse();
                Map<String, Object> rule = shown.stream()
                        .filter(c -> c.get("code").equals(d.path("recordClass").asText()))
                        .findFirst()
                        .orElseThrow();
                assertThat(rule.get("origin")).isEqualTo("IRMS_DEFAULT");
                for (String field : List.of("description", "trigger", "period", "action", "basis", "citation")) {
                    assertThat(d.path(field).asText()).as(field).isEqualTo(rule.get(field));
                }
                assertThat(d.path("reviewOnLeaving").asBoolean()).isEqualTo(rule.get("reviewOnLeaving"));
                assertThat(d.path("transferOnLeaving").asBoolean()).isEqualTo(rule.get("transferOnLeaving"));
                assertThat(
                                d.path("untilPupilAge").isNull()
                                        ? null
                                        : d.path("untilPupilAge").asInt())
                        .isEqualTo(rule.get("untilPupilAge"));
                assertThat(texts(d.path("consentPurposes"))).isEqualTo(rule.get("consentPurposes"));
                assertThat(texts(d.path("categories"))).isEqualTo(rule.get("categories"));
            }
        }
    }

    @Test
    void aSecondSchoolUpdatedOrARedeliveryAnnouncesNothingMore() {
        String school = freshSchool();
        try (Events events = new Events()) {
            CloudEvent first = schoolUpdated(school);
            assertThat(irms(events, school, IRMS_CLASSES)).hasSize(IRMS_CLASSES);

            CloudEvent second = schoolUpdated(school);
            send(first);
            awaitConsumed(second);
            awaitConsumed(first);
            assertThat(events.count(EventTypes.RETENTION_RULE_CHANGED, school, d -> true, Duration.ofSeconds(2)))
                    .isEqualTo(IRMS_CLASSES);
            assertThat(announcedRows(school)).isEqualTo(1);
        }
    }

    @Test
    void aClassTheSchoolOverrodeBeforeItWasAnnouncedIsNotAnnouncedAsADefault() {
        String school = freshSchool();
        try (Events events = new Events()) {
            // the school's first write is the override: the defaults announced with it leave the class out
            as("dpo", school)
                    .header("If-Match", "\"0\"")
                    .body(lastSchoolRecord("P30Y"))
                    .put(base(school) + "/retention-schedule/PUPIL_RECORD_LAST_SCHOOL")
                    .then()
                    .statusCode(200);
            List<CloudEvent> announced = irms(events, school, IRMS_CLASSES - 1);
            assertThat(classes(announced))
                    .hasSize(IRMS_CLASSES - 1)
                    .doesNotHaveDuplicates()
                    .doesNotContain("PUPIL_RECORD_LAST_SCHOOL");
            assertThat(events.count(
                            EventTypes.RETENTION_RULE_CHANGED,
                            school,
                            d -> d.path("recordClass").asText().equals("PUPIL_RECORD_LAST_SCHOOL"),
                            Duration.ZERO))
                    .as("only the override")
                    .isEqualTo(1);
        }

        // a school that overrode a class before this release (no announcement yet) hears of the school through the
        // roster
        String earlier = freshSchool();
        as("dpo", earlier)
                .header("If-Match", "\"0\"")
                .body(lastSchoolRecord("P30Y"))
                .put(base(earlier) + "/retention-schedule/SEN_FILES")
                .then()
                .statusCode(200);
        execute("DELETE FROM schedule_default_announced WHERE school_urn = ?", earlier);
        execute("DELETE FROM schedule_default_revision_announced WHERE school_urn = ?", earlier);
        try (Events events = new Events()) {
            irms(events, earlier, IRMS_CLASSES - 1); // what the override announced
            schoolUpdated(earlier);
            List<CloudEvent> announced = irms(events, earlier, 2 * (IRMS_CLASSES - 1));
            assertThat(announced).hasSize(2 * (IRMS_CLASSES - 1));
            assertThat(classes(announced)).doesNotContain("SEN_FILES");
        }
    }

    @Test
    void aSchoolFirstSeenThroughARegistrationIsAnnouncedOnce() {
        String school = freshSchool();
        try (Events events = new Events()) {
            register(school, List.of(holding("PUPIL_RECORD_LAST_SCHOOL", "P-1", "EDU-1", "2019-09-04")))
                    .statusCode(200);
            assertThat(irms(events, school, IRMS_CLASSES)).hasSize(IRMS_CLASSES);
            assertThat(announcedRows(school)).isEqualTo(1);

            register(school, List.of(holding("SEN_FILES", "P-1", "SEN-1", "2019-09-04")))
                    .statusCode(200);
            as("dpo", school)
                    .body(legalHold("PUPIL", "P-1", null, "a claim is expected", "CLAIM-1"))
                    .post(base(school) + "/legal-holds")
                    .then()
                    .statusCode(201);
            awaitConsumed(schoolUpdated(school));
            assertThat(events.count(EventTypes.RETENTION_RULE_CHANGED, school, IRMS, Duration.ofSeconds(2)))
                    .isEqualTo(IRMS_CLASSES);
        }

        // and through a legal hold
        String held = freshSchool();
        try (Events events = new Events()) {
            as("dpo", held)
                    .body(legalHold("SCHOOL", null, null, "an inquiry", "INQ-1"))
                    .post(base(held) + "/legal-holds")
                    .then()
                    .statusCode(201);
            assertThat(irms(events, held, IRMS_CLASSES)).hasSize(IRMS_CLASSES);
        }
    }

    @Test
    void concurrentFirstWritesAndTheRosterAnnounceOnce() {
        String school = freshSchool();
        try (Events events = new Events()) {
            List<CompletableFuture<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String reference = "EDU-" + i;
                writes.add(CompletableFuture.supplyAsync(() -> register(
                                school, List.of(holding("PUPIL_RECORD_LAST_SCHOOL", "P-1", reference, "2019-09-04")))
                        .extract()
                        .statusCode()));
                String holdReference = "INQ-" + i;
                writes.add(CompletableFuture.supplyAsync(() -> as("dpo", school)
                        .body(legalHold("SCHOOL", null, null, "an inquiry", holdReference))
                        .post(base(school) + "/legal-holds")
                        .statusCode()));
            }
            schoolUpdated(school);
            assertThat(writes.stream().map(CompletableFuture::join)).allMatch(s -> s == 200 || s == 201);
            assertThat(irms(events, school, IRMS_CLASSES)).hasSize(IRMS_CLASSES);
            assertThat(announcedRows(school)).isEqualTo(1);
        }
    }

    @Test
    void aRevisedDefaultIsAnnouncedAgainToSchoolsThatHaveNotOverriddenIt() {
        String school = freshSchool();
        try (Events events = new Events()) {
            awaitConsumed(schoolUpdated(school));
            List<CloudEvent> first = irms(events, school, IRMS_CLASSES);
            as("dpo", school)
                    .header("If-Match", "\"0\"")
                    .body(lastSchoolRecord("P30Y"))
                    .put(base(school) + "/retention-schedule/FREE_SCHOOL_MEALS")
                    .then()
                    .statusCode(200);
            revisions.applyPending();
            assertThat(events.count(EventTypes.RETENTION_RULE_CHANGED, school, IRMS, Duration.ofSeconds(1)))
                    .as("the school was announced with the revised defaults: nothing to announce again")
                    .isEqualTo(IRMS_CLASSES);

            // as if the school had been announced before the revisions of V3 shipped
            execute(
                    "DELETE FROM schedule_default_revision_announced WHERE school_urn = ?"
                            + " AND class_code IN ('ACCIDENT_BOOK', 'FREE_SCHOOL_MEALS')",
                    school);
            revisions.applyPending();
            List<CloudEvent> all = irms(events, school, IRMS_CLASSES + 1);
            assertThat(all).hasSize(IRMS_CLASSES + 1);
            CloudEvent again = all.get(IRMS_CLASSES);
            assertThat(again.data().path("recordClass").asText()).isEqualTo("ACCIDENT_BOOK");
            assertThat(again.data().path("version").asInt()).isZero();
            assertThat(again.data().path("period").asText())
                    .isEqualTo(IrmsSchedule.rule("ACCIDENT_BOOK")
                            .orElseThrow()
                            .period()
                            .toString());
            Instant before = first.stream()
                    .filter(e -> e.data().path("recordClass").asText().equals("ACCIDENT_BOOK"))
                    .map(e -> Instant.parse(e.data().path("changedAt").asText()))
                    .findFirst()
                    .orElseThrow();
            assertThat(Instant.parse(again.data().path("changedAt").asText())).isAfter(before);
            assertThat(count(
                            "SELECT count(*) FROM schedule_default_revision_announced WHERE school_urn = ?"
                                    + " AND class_code IN ('ACCIDENT_BOOK', 'FREE_SCHOOL_MEALS')",
                            school))
                    .as("the overridden class's revision is marked heard too")
                    .isEqualTo(2);

            // once only
            revisions.applyPending();
            assertThat(events.count(EventTypes.RETENTION_RULE_CHANGED, school, IRMS, Duration.ofSeconds(1)))
                    .isEqualTo(IRMS_CLASSES + 1);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
