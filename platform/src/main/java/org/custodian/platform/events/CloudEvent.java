package org.custodian.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event as Custodian puts it on Kafka in structured JSON mode.
 * {@code schoolurn} is the extension attribute naming the school the event belongs to.
 */
public record CloudEvent(
        String id,
        String source,
        String specversion,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String schoolurn,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** The Kafka {@code content-type} header value of a structured-mode CloudEvent. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public CloudEvent {
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new InvalidEventException("specversion must be \"1.0\" but was " + specversion);
        }
        if (schoolurn != null && !schoolurn.matches("\\d{6}")) {
            throw new InvalidEventException("schoolurn must be six digits");
        }
    }

    /**
     * A new event about one pupil: subject {@code schools/{urn}/pupils/{pupilId}}, a fresh id, the current time.
     */
    public static CloudEvent aboutPupil(String source, String type, String schoolUrn, String pupilId, JsonNode data) {
        Objects.requireNonNull(pupilId, "pupilId");
        return create(source, type, schoolUrn, "schools/" + schoolUrn + "/pupils/" + pupilId, data);
    }

    /** A new event about the school as a whole: subject {@code schools/{urn}}. */
    public static CloudEvent aboutSchool(String source, String type, String schoolUrn, JsonNode data) {
        return create(source, type, schoolUrn, "schools/" + schoolUrn, data);
    }

    public static CloudEvent create(String source, String type, String schoolUrn, String subject, JsonNode data) {
        return new CloudEvent(
                UUID.randomUUID().toString(),
                source,
                SPEC_VERSION,
                type,
                subject,
                OffsetDateTime.now(ZoneOffset.UTC),
                JSON,
                schoolUrn,
                data);
    }

    /**
     * The Kafka record key: {@code {urn}:{pupilId}} for a pupil's event so that one child's events stay in order,
     * {@code {urn}} for a school-wide event.
     */
    public String partitionKey() {
        String pupilPrefix = "schools/" + schoolurn + "/pupils/";
        if (subject != null && subject.startsWith(pupilPrefix)) {
            String rest = subject.substring(pupilPrefix.length());
            int slash = rest.indexOf('/');
            return schoolurn + ":" + (slash < 0 ? rest : rest.substring(0, slash));
        }
        return schoolurn != null ? schoolurn : id;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(name + " is required");
        }
    }
}
