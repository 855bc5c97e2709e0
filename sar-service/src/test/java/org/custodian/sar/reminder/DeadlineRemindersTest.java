package org.custodian.sar.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.Topics;
import org.custodian.sar.testing.Events;
import org.custodian.sar.testing.Roster;
import org.custodian.sar.testing.SarTest;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@SarTest
class DeadlineRemindersTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Inject
    DeadlineReminders reminders;

    static String create(Roster school, String pupil, String guardian, String type, LocalDate receivedOn) {
        return given().header(
                        "Authorization",
                        TestTokens.role("dpo").school(school.urn).bearer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        type,
                        "subject",
                        Map.of("type", "PUPIL", "id", pupil),
                        "requester",
                        Map.of("type", "GUARDIAN", "id", guardian),
                        "channel",
                        "EMAIL",
                        "receivedOn",
                        receivedOn.toString(),
                        "description",
                        "x"))
                .post("/api/v1/schools/" + school.urn + "/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void theDailyJobEmitsDueSoonAndOverdueOncePerDeadline() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        String guardian = school.guardianOf(pupil, true);
        String overdue = create(school, pupil, guardian, "ACCESS", TODAY.minusMonths(2));
        String soon =
                create(school, pupil, guardian, "ACCESS", TODAY.minusMonths(1).plusDays(2));
        String later = create(school, pupil, guardian, "ACCESS", TODAY);
        String complaint = create(school, pupil, guardian, "COMPLAINT", TODAY.minusDays(40));

        try (KafkaTestConsumer rights = new KafkaTestConsumer(Topics.RIGHTS)) {
            DeadlineReminders.Run first = reminders.run(TODAY);
            assertThat(first.ran()).isTrue();
            assertThat(first.overdue()).isGreaterThanOrEqualTo(2);
            assertThat(first.dueSoon()).isGreaterThanOrEqualTo(1);

            CloudEvent late = Events.await(rights, overdue, "uk.custodian.request.overdue");
            assertThat(late.data().path("deadline").asText()).isEqualTo("RESPONSE");
            assertThat(late.data().path("daysOverdue").asLong()).isPositive();
            assertThat(late.data().path("pupilId").asText()).isEqualTo(pupil);
            CloudEvent near = Events.await(rights, soon, "uk.custodian.request.due-soon");
            assertThat(near.data().path("daysLeft").asLong()).isBetween(0L, 7L);
            // received 40 days ago: the acknowledgement (day 30, rolled to a working day at most 4 days on) is overdue,
            // and so
            // is the response
            Optional<CloudEvent> ack = Events.find(
                    rights, "uk.custodian.request.overdue", Duration.ofSeconds(20), complaint, "\"ACKNOWLEDGEMENT\"");
            assertThat(ack).as("the complaint's acknowledgement is overdue").isPresent();
            assertThat(ack.get().data().path("deadline").asText()).isEqualTo("ACKNOWLEDGEMENT");
            assertThat(Events.find(rights, later, "uk.custodian.request.due-soon", Duration.ofMillis(500)))
                    .isEmpty();

            // the next run finds every deadline already announced
            DeadlineReminders.Run second = reminders.run(TODAY);
            assertThat(second.dueSoon()).isZero();
            assertThat(second.overdue()).isZero();
        }
    }
}
