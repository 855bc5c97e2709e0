package org.custodian.platform.events;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer writing a {@link CloudEvent} as structured-mode JSON. */
public class CloudEventSerializer implements Serializer<CloudEvent> {
    @Override
    public byte[] serialize(String topic, CloudEvent event) {
        return event == null ? null : CloudEventCodec.toBytes(event);
    }
}
