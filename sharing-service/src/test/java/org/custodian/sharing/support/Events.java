package org.custodian.sharing.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RightsEvents;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.events.Topics;
import org.custodian.testing.KafkaResource;

/** Publishes consent-, roster- and rights-service events to the test broker as those services would. */
public final class Events {

    private static KafkaProducer<String, String> producer;

    private Events() {}

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        return producer;
    }

    /** Sends events in order and waits until the broker has them all. */
    public static void publish(List<CloudEvent> events) {
        try {
            List<Future<?>> sent = new java.util.ArrayList<>();
            for (CloudEvent event : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(
                        EventTypes.topicOf(event.type()), event.partitionKey(), CloudEventCodec.toJson(event));
                // as the outbox relay sends them: structured-mode CloudEvents
                record.headers()
                        .add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                sent.add(producer().send(record));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish", e);
        }
    }

    public static void publish(CloudEvent... events) {
        publish(List.of(events));
    }

    /** Sends a raw record (e.g. a poison message). */
    public static void publishRaw(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish", e);
        }
    }

    static CloudEvent pupilEvent(String source, String type, String urn, String pupil, Object data) {
        return CloudEvent.aboutPupil(source, type, urn, pupil, CloudEventCodec.toData(data));
    }

    public static CloudEvent enrolled(String urn, String pupil) {
        return pupilEvent(
                "/custodian/consent-service",
                EventTypes.PUPIL_ENROLLED,
                urn,
                pupil,
                new RosterEvents.PupilChanged(
                        pupil, LocalDate.of(2016, 5, 1), 5, LocalDate.of(2021, 9, 1), null, true));
    }

    public static CloudEvent left(String urn, String pupil, LocalDate on) {
        return pupilEvent(
                "/custodian/consent-service", EventTypes.PUPIL_LEFT, urn, pupil, new RosterEvents.PupilLeft(pupil, on));
    }

    /** {@code pupil.left} naming the school the pupil left for ({@code destinationUrn} null: unknown). */
    public static CloudEvent left(String urn, String pupil, LocalDate on, String destinationUrn) {
        return pupilEvent(
                "/custodian/consent-service",
                EventTypes.PUPIL_LEFT,
                urn,
                pupil,
                new RosterEvents.PupilLeft(pupil, on, destinationUrn));
    }

    /** The same event as if it had been written at {@code time} (an event delivered late, out of order). */
    public static CloudEvent writtenAt(CloudEvent event, OffsetDateTime time) {
        return new CloudEvent(
                event.id(),
                event.source(),
                event.specversion(),
                event.type(),
                event.subject(),
                time,
                event.datacontenttype(),
                event.schoolurn(),
                event.data());
    }

    /** A consent decision as consent-service emits it, with the pupil's resulting effective status. */
    public static CloudEvent consent(
            String type,
            String urn,
            String pupil,
            String purpose,
            String decision,
            String effectiveStatus,
            int version) {
        return pupilEvent(
                "/custodian/consent-service",
                type,
                urn,
                pupil,
                new ConsentEvents.DecisionRecorded(
                        UUID.randomUUID().toString(),
                        pupil,
                        purpose,
                        version,
                        "STANDARD",
                        decision,
                        "GUARDIAN",
                        "G-1",
                        "ONLINE",
                        Instant.now(),
                        effectiveStatus,
                        "GRANTED".equals(effectiveStatus) ? version : null));
    }

    public static CloudEvent granted(String urn, String pupil, String purpose) {
        return consent(EventTypes.CONSENT_GRANTED, urn, pupil, purpose, "GRANTED", "GRANTED", 1);
    }

    public static CloudEvent withdrawn(String urn, String pupil, String purpose) {
        return consent(EventTypes.CONSENT_WITHDRAWN, urn, pupil, purpose, "WITHDRAWN", "WITHDRAWN", 1);
    }

    /** A biometric template-deletion task as consent-service raises it after an objection or a withdrawal. */
    public static CloudEvent templateDeletion(String urn, String pupil, String purpose, String reason) {
        return pupilEvent(
                "/custodian/consent-service",
                EventTypes.BIOMETRIC_TEMPLATE_DELETION_REQUESTED,
                urn,
                pupil,
                new ConsentEvents.TemplateDeletionRequested(
                        "T-" + UUID.randomUUID(),
                        pupil,
                        purpose,
                        UUID.randomUUID().toString(),
                        reason,
                        Instant.now(),
                        "WITHDRAWN"));
    }

    public static CloudEvent reworded(String urn, String purpose, int version) {
        return CloudEvent.aboutSchool(
                "/custodian/consent-service",
                EventTypes.PURPOSE_REWORDED,
                urn,
                CloudEventCodec.toData(new ConsentEvents.Reworded(
                        purpose, version, true, "STANDARD", purpose, "New wording of " + purpose, Instant.now())));
    }

    public static CloudEvent restriction(
            String type, String urn, String pupil, String requestId, List<String> categories) {
        return pupilEvent(
                "/custodian/sar-service",
                type,
                urn,
                pupil,
                new RightsEvents.RestrictionChanged(requestId, pupil, categories, "accuracy contested"));
    }

    public static CloudEvent objection(String urn, String pupil, List<String> purposes) {
        return pupilEvent(
                "/custodian/sar-service",
                EventTypes.OBJECTION_UPHELD,
                urn,
                pupil,
                new RightsEvents.ObjectionUpheld("R-" + UUID.randomUUID(), pupil, "PUBLIC_TASK", purposes, "upheld"));
    }

    public static CloudEvent erasure(String urn, String pupil, List<String> categories, boolean consentBasedOnly) {
        return pupilEvent(
                "/custodian/sar-service",
                EventTypes.ERASURE_APPROVED,
                urn,
                pupil,
                new RightsEvents.ErasureApproved(
                        "R-" + UUID.randomUUID(), pupil, consentBasedOnly, categories, "approved"));
    }

    public static CloudEvent rectification(String urn, String pupil, List<String> categories) {
        return pupilEvent(
                "/custodian/sar-service",
                EventTypes.RECTIFICATION_APPROVED,
                urn,
                pupil,
                new RightsEvents.RectificationApproved(
                        "R-" + UUID.randomUUID(), pupil, categories, "date of birth corrected"));
    }

    public static String topic(CloudEvent event) {
        return EventTypes.topicOf(event.type());
    }

    public static final String SHARING = Topics.SHARING;
}
