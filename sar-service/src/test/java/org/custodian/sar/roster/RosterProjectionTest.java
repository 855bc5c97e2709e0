package org.custodian.sar.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.events.Topics;
import org.custodian.sar.testing.SarTest;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.KafkaTestProducer;
import org.junit.jupiter.api.Test;

/** The projection fed through the real broker, as consent-service will feed it. */
@SarTest
class RosterProjectionTest {

    @Inject
    Roster roster;

    static void send(CloudEvent event) {
        KafkaTestProducer.send(Topics.ROSTER, event.partitionKey(), CloudEventCodec.toJson(event));
    }

    @Test
    void rosterEventsBuildTheProjectionOnceEachAndPoisonGoesToTheDeadLetterTopic() {
        String urn = "31" + String.format("%04d", (int) (Math.random() * 10000));
        String pupil = "P-" + UUID.randomUUID();
        CloudEvent school = CloudEvent.aboutSchool(
                "/custodian/consent-service",
                EventTypes.SCHOOL_UPDATED,
                urn,
                CloudEventCodec.toData(new RosterEvents.SchoolUpdated(
                        urn,
                        "Cassiobury Infant School",
                        "ACADEMY",
                        "NORTHERN_IRELAND",
                        "Carole",
                        "carole@x",
                        12,
                        "ANY")));
        CloudEvent enrolled = CloudEvent.aboutPupil(
                "/custodian/consent-service",
                EventTypes.PUPIL_ENROLLED,
                urn,
                pupil,
                CloudEventCodec.toData(new RosterEvents.PupilChanged(
                        pupil, LocalDate.parse("2018-05-01"), 3, LocalDate.parse("2023-09-01"), null, true)));
        CloudEvent linked = CloudEvent.aboutPupil(
                "/custodian/consent-service",
                EventTypes.GUARDIAN_LINKED,
                urn,
                pupil,
                CloudEventCodec.toData(new RosterEvents.GuardianLink("G-7", pupil, true, "FATHER")));
        CloudEvent unlinked = CloudEvent.aboutPupil(
                "/custodian/consent-service",
                EventTypes.GUARDIAN_UNLINKED,
                urn,
                pupil,
                CloudEventCodec.toData(new RosterEvents.GuardianLink("G-7", pupil, true, "FATHER")));
        CloudEvent left = CloudEvent.aboutPupil(
                "/custodian/consent-service",
                EventTypes.PUPIL_LEFT,
                urn,
                pupil,
                CloudEventCodec.toData(new RosterEvents.PupilLeft(pupil, LocalDate.parse("2026-07-22"))));

        send(school);
        send(enrolled);
        send(linked);
        send(linked); // a redelivery
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.hasParentalResponsibility(urn, "G-7", pupil));
        assertThat(roster.school(urn)).get().satisfies(s -> {
            assertThat(s.competenceAge()).isEqualTo(12);
            assertThat(s.bankHolidayRegion()).hasToString("NORTHERN_IRELAND");
            assertThat(s.educationalRecordApplies()).isFalse();
        });
        assertThat(roster.pupil(urn, pupil))
                .get()
                .extracting(Pupil::dateOfBirth)
                .isEqualTo(LocalDate.parse("2018-05-01"));
        assertThat(roster.childrenOf(urn, "G-7")).containsExactly(pupil);

        try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(Topics.deadLetter("sar-service"))) {
            KafkaTestProducer.send(
                    Topics.ROSTER, urn + ":" + pupil, "{\"not\": \"a cloud event\", \"marker\": \"" + pupil + "\"}");
            send(unlinked);
            send(left);
            assertThat(deadLetters.await(r -> r.value().contains(pupil), Duration.ofSeconds(30)))
                    .isPresent();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> roster.pupil(urn, pupil).map(p -> !p.onRoll()).orElse(false));
        assertThat(roster.hasParentalResponsibility(urn, "G-7", pupil)).isFalse();
        assertThat(roster.pupil(urn, pupil).get().leavingDate()).isEqualTo("2026-07-22");
    }
}
