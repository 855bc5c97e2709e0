package org.custodian.sar.testing;

import jakarta.enterprise.inject.spi.CDI;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.events.Topics;
import org.custodian.sar.roster.RosterConsumer;

/**
 * Builds a school's roster in sar-service's projection through the consumer's own path (the idempotent inbox and
 * the projection), without waiting for Kafka; the Kafka path itself is tested in RosterProjectionTest.
 */
public final class Roster {

    public final String urn;
    private final java.util.Map<String, LocalDate> births = new java.util.HashMap<>();

    private Roster(String urn) {
        this.urn = urn;
    }

    /** A fresh school with a random URN, so that tests never see each other's rows. */
    public static Roster newSchool(String type, String region, int competenceAge) {
        return newSchool(type, region, competenceAge, null);
    }

    /** A fresh school with its nation setting ({@code school.updated}'s {@code nation}), when not null. */
    public static Roster newSchool(String type, String region, int competenceAge, String nation) {
        String urn = Integer.toString(200000 + ThreadLocalRandom.current().nextInt(700000));
        Roster roster = new Roster(urn);
        com.fasterxml.jackson.databind.node.ObjectNode data =
                (com.fasterxml.jackson.databind.node.ObjectNode) CloudEventCodec.toData(new RosterEvents.SchoolUpdated(
                        urn,
                        "Test School " + urn,
                        type,
                        region,
                        "Carole DPO",
                        "carole@schooldposervice.com",
                        competenceAge,
                        "ANY_PARENT"));
        if (nation != null) {
            data.put("nation", nation);
        }
        roster.apply(CloudEvent.aboutSchool(Topics.CONSENT_SERVICE, EventTypes.SCHOOL_UPDATED, urn, data));
        return roster;
    }

    /**
     * A guardian linked as the MIS roster sync says: with or without parental responsibility, with or without care of
     * the child ({@code hasCare} on {@code guardian.linked}).
     */
    public String guardianOf(String pupilId, boolean parentalResponsibility, boolean hasCare, String relationship) {
        String id = "G-" + UUID.randomUUID().toString().substring(0, 8);
        com.fasterxml.jackson.databind.node.ObjectNode data =
                (com.fasterxml.jackson.databind.node.ObjectNode) CloudEventCodec.toData(
                        new RosterEvents.GuardianLink(id, pupilId, parentalResponsibility, relationship));
        data.put("hasCare", hasCare);
        apply(CloudEvent.aboutPupil(Topics.CONSENT_SERVICE, EventTypes.GUARDIAN_LINKED, urn, pupilId, data));
        return id;
    }

    public static Roster maintainedEnglishSchool() {
        return newSchool("MAINTAINED", "ENGLAND_AND_WALES", 13);
    }

    /** A pupil of the given age today (their birthday a month ago, so that the age holds all month). */
    public String pupil(String prefix, int age) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate dob = LocalDate.now().minusYears(age).minusMonths(1);
        births.put(id, dob);
        apply(CloudEvent.aboutPupil(
                Topics.CONSENT_SERVICE,
                EventTypes.PUPIL_ENROLLED,
                urn,
                id,
                CloudEventCodec.toData(
                        new RosterEvents.PupilChanged(id, dob, 4, LocalDate.of(2024, 9, 4), null, true))));
        return id;
    }

    /**
     * consent-service's {@code pupil.updated} for a pupil of {@link #pupil}, carrying the DPO's current competence
     * assessment ({@code null}: none), as it publishes one when the DPO records an assessment or the MIS updates the
     * pupil.
     */
    public void pupilUpdated(String pupilId, RosterEvents.CompetenceAssessment competence) {
        apply(CloudEvent.aboutPupil(
                Topics.CONSENT_SERVICE,
                EventTypes.PUPIL_UPDATED,
                urn,
                pupilId,
                CloudEventCodec.toData(new RosterEvents.PupilChanged(
                        pupilId, births.get(pupilId), 4, LocalDate.of(2024, 9, 4), null, true, null, competence))));
    }

    /** The DPO assessed the pupil's competence on a day (recorded in consent-service, received on the roster). */
    public void assessed(String pupilId, boolean competent, LocalDate on) {
        pupilUpdated(pupilId, new RosterEvents.CompetenceAssessment(competent, on));
    }

    public String guardianOf(String pupilId, boolean parentalResponsibility) {
        String id = "G-" + UUID.randomUUID().toString().substring(0, 8);
        link(id, pupilId, parentalResponsibility);
        return id;
    }

    public void link(String guardianId, String pupilId, boolean parentalResponsibility) {
        link(new RosterEvents.GuardianLink(guardianId, pupilId, parentalResponsibility, "MOTHER"));
    }

    /** A link as consent-service publishes it, restricted or not. */
    public void link(RosterEvents.GuardianLink link) {
        apply(CloudEvent.aboutPupil(
                Topics.CONSENT_SERVICE, EventTypes.GUARDIAN_LINKED, urn, link.pupilId(), CloudEventCodec.toData(link)));
    }

    /** Hands the event to the consumer as the record Kafka would deliver on the roster topic. */
    public void apply(CloudEvent event) {
        CDI.current()
                .select(RosterConsumer.class)
                .get()
                .consume(
                        new ConsumerRecord<>(Topics.ROSTER, 0, 0, event.partitionKey(), CloudEventCodec.toJson(event)));
    }
}
