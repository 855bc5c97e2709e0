package org.custodian.retention.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.auditRows;
import static org.custodian.retention.testing.RetentionSchool.base;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.holding;
import static org.custodian.retention.testing.RetentionSchool.register;
import static org.custodian.retention.testing.RetentionSchool.rows;
import static org.custodian.testing.SchoolFixture.count;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RightsEvents;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.events.Topics;
import org.custodian.retention.RetentionTest;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.KafkaTestProducer;
import org.junit.jupiter.api.Test;

/** The projections of roster, consent and rights events, fed through the real in-process broker. */
@RetentionTest
class EventConsumptionTest {

    static final String SOURCE = Topics.CONSENT_SERVICE;

    /** An event as the topic's owner sends it (consumers refuse any other source). */
    static CloudEvent send(String topic, String type, String school, String pupilId, Object data) {
        CloudEvent event = CloudEvent.aboutPupil(
                Topics.ownerOf(topic).orElseThrow(), type, school, pupilId, CloudEventCodec.toData(data));
        send(topic, event);
        return event;
    }

    static void send(String topic, CloudEvent event) {
        KafkaTestProducer.send(topic, event.partitionKey(), CloudEventCodec.toJson(event));
    }

    static Object dueOn(String school, String reference) {
        List<List<Object>> found =
                rows("SELECT due_on FROM holding WHERE school_urn = ? AND reference = ?", school, reference);
        return found.isEmpty() || found.get(0).get(0) == null
                ? null
                : found.get(0).get(0).toString();
    }

    static void awaitDue(String school, String reference, String expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> expected.equals(dueOn(school, reference)));
    }

    @Test
    void theRosterGivesDatesOfBirthAndLeavingDates() {
        String school = freshSchool();
        register(
                        school,
                        List.of(
                                holding("PUPIL_RECORD_LAST_SCHOOL", "P-1", "EDU-1", "2019-09-04"),
                                holding("PUPIL_RECORD_PRIMARY", "P-1", "PRI-1", "2012-09-04")))
                .statusCode(200)
                .body("items[0].waitingFor", containsString("roster"));

        send(
                Topics.ROSTER,
                EventTypes.PUPIL_ENROLLED,
                school,
                "P-1",
                new RosterEvents.PupilChanged(
                        "P-1", LocalDate.parse("2008-02-29"), 6, LocalDate.parse("2012-09-04"), null, true));
        awaitDue(school, "EDU-1", "2033-03-01");
        assertThat(dueOn(school, "PRI-1")).isNull();

        send(
                Topics.ROSTER,
                EventTypes.PUPIL_LEFT,
                school,
                "P-1",
                new RosterEvents.PupilLeft("P-1", LocalDate.parse("2025-02-14")));
        awaitDue(school, "PRI-1", "2025-02-14");
        as("mis", school)
                .queryParam("recordClass", "PUPIL_RECORD_PRIMARY")
                .get(base(school) + "/holdings")
                .then()
                .body("items[0].dueAction", is("TRANSFER_TO_NEXT_SCHOOL"));

        // a corrected date of birth moves the date again
        send(
                Topics.ROSTER,
                EventTypes.PUPIL_UPDATED,
                school,
                "P-1",
                new RosterEvents.PupilChanged(
                        "P-1",
                        LocalDate.parse("2008-03-02"),
                        6,
                        LocalDate.parse("2012-09-04"),
                        LocalDate.parse("2025-02-14"),
                        false));
        awaitDue(school, "EDU-1", "2033-03-02");
        awaitDue(school, "PRI-1", "2025-02-14");
    }

    @Test
    void withdrawingPhotoConsentMakesPhotographsDueAndARedeliveredEventIsAppliedOnce() {
        String school = freshSchool();
        Map<String, Object> press = holding("PHOTOGRAPHS_AND_RECORDINGS", "P-2", "PHOTO-PRESS", "2024-06-01");
        press.put("purpose", "PHOTO_PRESS");
        register(
                        school,
                        List.of(
                                holding("PHOTOGRAPHS_AND_RECORDINGS", "P-2", "PHOTO-ANY", "2024-06-01"),
                                press,
                                holding("PUPIL_RECORD_LAST_SCHOOL", "P-2", "EDU-2", "2019-09-04")))
                .statusCode(200);

        Instant withdrawnAt = Instant.parse("2025-11-03T10:15:00Z");
        CloudEvent withdrawal = CloudEvent.aboutPupil(
                SOURCE,
                EventTypes.CONSENT_WITHDRAWN,
                school,
                "P-2",
                CloudEventCodec.toData(new ConsentEvents.DecisionRecorded(
                        "D-1",
                        "P-2",
                        "PHOTO_WEBSITE",
                        2,
                        "STANDARD",
                        "WITHDRAWN",
                        "GUARDIAN",
                        "G-1",
                        "ONLINE",
                        withdrawnAt,
                        "WITHDRAWN",
                        null)));
        send(Topics.CONSENT, withdrawal);
        send(Topics.CONSENT, withdrawal);
        awaitDue(school, "PHOTO-ANY", "2025-11-03");
        assertThat(dueOn(school, "PHOTO-PRESS"))
                .as("held for the press, whose consent stands")
                .isNull();
        assertThat(dueOn(school, "EDU-2")).isNull();
        // a later event on the same key is applied after both copies: the duplicate was a no-op
        CloudEvent later = send(
                Topics.CONSENT,
                EventTypes.CONSENT_WITHDRAWN,
                school,
                "P-2",
                new ConsentEvents.DecisionRecorded(
                        "D-2",
                        "P-2",
                        "PHOTO_PRESS",
                        1,
                        "STANDARD",
                        "WITHDRAWN",
                        "GUARDIAN",
                        "G-1",
                        "PAPER",
                        Instant.parse("2025-12-01T09:00:00Z"),
                        "WITHDRAWN",
                        null));
        awaitDue(school, "PHOTO-PRESS", "2025-12-01");
        assertThat(count(
                        "SELECT count(*) FROM inbox_event WHERE consumer = ? AND event_id = ?",
                        ConsentConsumer.NAME,
                        withdrawal.id()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM inbox_event WHERE event_id = ?", later.id()))
                .isEqualTo(1);

        // consent given again takes the withdrawal back
        send(
                Topics.CONSENT,
                EventTypes.CONSENT_GRANTED,
                school,
                "P-2",
                new ConsentEvents.DecisionRecorded(
                        "D-3",
                        "P-2",
                        "PHOTO_PRESS",
                        1,
                        "STANDARD",
                        "GRANTED",
                        "GUARDIAN",
                        "G-1",
                        "ONLINE",
                        Instant.now(),
                        "GRANTED",
                        1));
        await().atMost(Duration.ofSeconds(30)).until(() -> dueOn(school, "PHOTO-PRESS") == null);
        assertThat(dueOn(school, "PHOTO-ANY")).isEqualTo("2025-11-03");
    }

    @Test
    void refusedOrExpiredPhotoConsentMakesPhotographsDueAsWithdrawalDoes() {
        // issue 24: consent.refused and consent.expired were recorded as seen and ignored, so photographs held on a
        // consent never given, or one that had run out, were kept
        String school = freshSchool();
        Map<String, Object> press = holding("PHOTOGRAPHS_AND_RECORDINGS", "P-5", "PHOTO-PRESS-5", "2025-06-01");
        press.put("purpose", "PHOTO_PRESS");
        Map<String, Object> website = holding("PHOTOGRAPHS_AND_RECORDINGS", "P-5", "PHOTO-WEB-5", "2024-06-01");
        website.put("purpose", "PHOTO_WEBSITE");
        register(school, List.of(press, website)).statusCode(200);

        send(
                Topics.CONSENT,
                EventTypes.CONSENT_REFUSED,
                school,
                "P-5",
                new ConsentEvents.DecisionRecorded(
                        "D-5",
                        "P-5",
                        "PHOTO_PRESS",
                        1,
                        "STANDARD",
                        "REFUSED",
                        "GUARDIAN",
                        "G-5",
                        "PAPER",
                        Instant.parse("2025-09-10T08:30:00Z"),
                        "REFUSED",
                        null));
        send(
                Topics.CONSENT,
                EventTypes.CONSENT_EXPIRED,
                school,
                "P-5",
                new ConsentEvents.Expired("P-5", "PHOTO_WEBSITE", 1, LocalDate.parse("2026-08-31"), "EXPIRED"));
        awaitDue(school, "PHOTO-PRESS-5", "2025-09-10");
        awaitDue(school, "PHOTO-WEB-5", "2026-09-01");
        assertThat(rows("SELECT due_because FROM holding WHERE school_urn = ? ORDER BY reference", school))
                .extracting(r -> r.get(0))
                .containsExactly("consent for PHOTO_PRESS refused", "consent for PHOTO_WEBSITE expired");
    }

    @Test
    void aWithdrawalThatLeavesConsentInForceChangesNothing() {
        String school = freshSchool();
        register(school, List.of(holding("PHOTOGRAPHS_AND_RECORDINGS", "P-3", "PHOTO-1", "2024-06-01")))
                .statusCode(200);
        CloudEvent stillGranted = send(
                Topics.CONSENT,
                EventTypes.CONSENT_WITHDRAWN,
                school,
                "P-3",
                new ConsentEvents.DecisionRecorded(
                        "D-1",
                        "P-3",
                        "PHOTO_DISPLAY",
                        1,
                        "STANDARD",
                        "WITHDRAWN",
                        "GUARDIAN",
                        "G-2",
                        "ONLINE",
                        Instant.now(),
                        "GRANTED",
                        1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM inbox_event WHERE event_id = ?", stillGranted.id()) == 1);
        assertThat(dueOn(school, "PHOTO-1")).isNull();
        assertThat(count("SELECT count(*) FROM consent_withdrawal WHERE school_urn = ?", school))
                .isZero();
    }

    @Test
    void anApprovedErasureBringsForwardOnlyConsentBasedRecordsAndIsAppliedOnce() {
        String school = freshSchool();
        send(
                Topics.ROSTER,
                EventTypes.PUPIL_ENROLLED,
                school,
                "P-4",
                new RosterEvents.PupilChanged(
                        "P-4", LocalDate.parse("2012-05-05"), 8, LocalDate.parse("2016-09-05"), null, true));
        register(
                        school,
                        List.of(
                                holding("PHOTOGRAPHS_AND_RECORDINGS", "P-4", "PHOTO-4", "2024-06-01"),
                                holding("PUPIL_RECORD_LAST_SCHOOL", "P-4", "EDU-4", "2019-09-04"),
                                holding("SEN_FILES", "P-4", "SEN-4", "2019-09-04")))
                .statusCode(200);
        awaitDue(school, "EDU-4", "2037-05-05");

        CloudEvent erasure = CloudEvent.create(
                Topics.SAR_SERVICE,
                EventTypes.ERASURE_APPROVED,
                school,
                "schools/" + school + "/pupils/P-4",
                CloudEventCodec.toData(
                        new RightsEvents.ErasureApproved("R-77", "P-4", true, List.of(), "consent withdrawn")));
        send(Topics.RIGHTS, erasure);
        send(Topics.RIGHTS, erasure);
        String approvedOn = erasure.time()
                .atZoneSameInstant(java.time.ZoneId.of("Europe/London"))
                .toLocalDate()
                .toString();
        awaitDue(school, "PHOTO-4", approvedOn);
        as("dpo", school)
                .queryParam("pupilId", "P-4")
                .queryParam("recordClass", "PUPIL_RECORD_LAST_SCHOOL")
                .get(base(school) + "/holdings")
                .then()
                .statusCode(200)
                .body("items[0].dueOn", is("2037-05-05"))
                .body("items[0].erasureNote", containsString("legal obligation"))
                .body("items[0].erasureNote", containsString("R-77"));
        assertThat(dueOn(school, "SEN-4")).isEqualTo("2043-05-05");
        // redelivered: the audit records the erasure once
        CloudEvent after = send(
                Topics.RIGHTS,
                EventTypes.REQUEST_COMPLETED,
                school,
                "P-4",
                new RightsEvents.RequestCompleted("R-77", "ERASURE", "P-4", LocalDate.now(), "COMPLETED"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM inbox_event WHERE event_id = ?", after.id()) == 1);
        assertThat(auditRows(school, "erasure.applied")).isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE school_urn = ? AND action = 'erasure.applied' "
                                + "AND detail LIKE '%1 consent-based holdings brought forward%2 kept%'",
                        school))
                .isEqualTo(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventIsApplied() {
        String school = freshSchool();
        register(school, List.of(holding("PUPIL_RECORD_LAST_SCHOOL", "P-5", "EDU-5", "2019-09-04")))
                .statusCode(200);
        try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(Topics.deadLetter("retention-service"))) {
            String poison = "{\"specversion\":\"1.0\",\"id\":\"poison-" + school + "\",\"source\":\"x\",\"type\":\""
                    + EventTypes.PUPIL_LEFT + "\",\"schoolurn\":\"" + school
                    + "\",\"data\":{\"leavingDate\":\"2024-07-19\"}}";
            KafkaTestProducer.send(Topics.ROSTER, school + ":P-5", poison);
            send(
                    Topics.ROSTER,
                    EventTypes.PUPIL_ENROLLED,
                    school,
                    "P-5",
                    new RosterEvents.PupilChanged("P-5", LocalDate.parse("2010-10-10"), 9, null, null, true));
            assertThat(deadLetters.await(r -> r.value().contains("poison-" + school), Duration.ofSeconds(30)))
                    .isPresent();
            awaitDue(school, "EDU-5", "2035-10-10");
        }
    }
}
