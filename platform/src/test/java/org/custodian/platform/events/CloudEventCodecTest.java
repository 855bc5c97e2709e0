package org.custodian.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    private static final JsonNode DATA = JsonNodeFactory.instance.objectNode().put("purpose", "PHOTO_PRESS");

    @Test
    void writesStructuredModeWithEveryAttribute() throws Exception {
        CloudEvent event = new CloudEvent(
                "6f1c2e8a-3d6b-4c1e-9c51-7b1f0e9e2a11",
                "/custodian/consent-service",
                "1.0",
                EventTypes.CONSENT_WITHDRAWN,
                "schools/100001/pupils/P42",
                OffsetDateTime.of(2026, 11, 28, 14, 0, 0, 0, ZoneOffset.UTC),
                "application/json",
                "100001",
                DATA);

        JsonNode json = CloudEventCodec.mapper().readTree(CloudEventCodec.toJson(event));

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo("6f1c2e8a-3d6b-4c1e-9c51-7b1f0e9e2a11");
        assertThat(json.get("source").asText()).isEqualTo("/custodian/consent-service");
        assertThat(json.get("type").asText()).isEqualTo("uk.custodian.consent.withdrawn");
        assertThat(json.get("subject").asText()).isEqualTo("schools/100001/pupils/P42");
        assertThat(json.get("time").asText()).isEqualTo("2026-11-28T14:00Z");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("schoolurn").asText()).isEqualTo("100001");
        assertThat(json.get("data").get("purpose").asText()).isEqualTo("PHOTO_PRESS");
    }

    @Test
    void keysPupilEventsBySchoolAndPupilAndSchoolEventsBySchool() {
        assertThat(CloudEvent.aboutPupil("/s", EventTypes.PUPIL_LEFT, "100001", "P42", DATA)
                        .partitionKey())
                .isEqualTo("100001:P42");
        assertThat(CloudEvent.aboutSchool("/s", EventTypes.SCHOOL_UPDATED, "100001", DATA)
                        .partitionKey())
                .isEqualTo("100001");
        CloudEvent nested = CloudEvent.create(
                "/s", EventTypes.CONSENT_GRANTED, "100001", "schools/100001/pupils/P42/consents/PHOTO", DATA);
        assertThat(nested.partitionKey()).isEqualTo("100001:P42");
    }

    @Test
    void rejectsWhatIsNotACloudEvent() {
        assertThatThrownBy(() -> CloudEventCodec.fromJson("not json")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> CloudEventCodec.fromJson("[1,2]")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> CloudEventCodec.fromJson(
                        "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("specversion");
        assertThatThrownBy(() -> CloudEventCodec.fromJson("{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\"}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(
                        () -> CloudEventCodec.fromJson(
                                "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"yesterday\"}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("time");
        assertThatThrownBy(() -> CloudEventCodec.fromJson(
                        "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"schoolurn\":\"12\"}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("schoolurn");
        assertThatThrownBy(() -> CloudEventCodec.fromJson(null)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void kafkaSerdeRoundTrips() {
        CloudEvent event =
                CloudEvent.aboutPupil("/custodian/sar-service", EventTypes.ERASURE_APPROVED, "123456", "A-1", DATA);
        byte[] bytes = new CloudEventSerializer().serialize("custodian.rights.v1", event);
        assertThat(new CloudEventDeserializer().deserialize("custodian.rights.v1", bytes))
                .isEqualTo(event);
        assertThat(new CloudEventSerializer().serialize("t", null)).isNull();
    }

    @Test
    void payloadsTravelAsPlainJsonWithIsoDates() {
        RosterEvents.PupilChanged pupil = new RosterEvents.PupilChanged(
                "P42", java.time.LocalDate.of(2017, 2, 28), 3, java.time.LocalDate.of(2021, 9, 1), null, true);
        CloudEvent event = CloudEvent.aboutPupil(
                "/custodian/consent-service",
                EventTypes.PUPIL_ENROLLED,
                "100001",
                "P42",
                CloudEventCodec.toData(pupil));

        CloudEvent back = CloudEventCodec.fromJson(CloudEventCodec.toJson(event));

        assertThat(back.data().get("dateOfBirth").asText()).isEqualTo("2017-02-28");
        assertThat(CloudEventCodec.data(back, RosterEvents.PupilChanged.class)).isEqualTo(pupil);
        ((com.fasterxml.jackson.databind.node.ObjectNode) back.data()).put("addedInALaterVersion", "x");
        assertThat(CloudEventCodec.data(back, RosterEvents.PupilChanged.class))
                .as("tolerant reader")
                .isEqualTo(pupil);
        ((com.fasterxml.jackson.databind.node.ObjectNode) back.data()).put("yearGroup", "three");
        assertThatThrownBy(() -> CloudEventCodec.data(back, RosterEvents.PupilChanged.class))
                .isInstanceOf(InvalidEventException.class);
    }

    @Property
    void anyValidEventSurvivesTheRoundTrip(
            @ForAll @NumericChars @StringLength(6) String urn,
            @ForAll @AlphaChars @StringLength(min = 1, max = 64) String pupil,
            @ForAll @StringLength(max = 200) String note) {
        CloudEvent event = CloudEvent.aboutPupil(
                "/custodian/test",
                EventTypes.CONSENT_GRANTED,
                urn,
                pupil,
                JsonNodeFactory.instance.objectNode().put("note", note));

        CloudEvent back = CloudEventCodec.fromJson(CloudEventCodec.toJson(event));

        assertThat(back).isEqualTo(event);
        assertThat(back.partitionKey()).isEqualTo(urn + ":" + pupil);
    }
}
