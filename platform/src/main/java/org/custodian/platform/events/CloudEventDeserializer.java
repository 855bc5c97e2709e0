package org.custodian.platform.events;

import org.apache.kafka.common.serialization.Deserializer;

/** Kafka deserializer reading structured-mode JSON into a {@link CloudEvent}; invalid records throw {@link InvalidEventException}. */
public class CloudEventDeserializer implements Deserializer<CloudEvent> {
    @Override
    public CloudEvent deserialize(String topic, byte[] data) {
        return data == null ? null : CloudEventCodec.fromBytes(data);
    }
}
