package org.custodian.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads and writes CloudEvents 1.0 in structured JSON, the form every Custodian topic carries. */
public final class CloudEventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // tolerant reader: a producer may add fields to a payload without breaking older consumers
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CloudEventCodec() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(CloudEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("specversion", event.specversion());
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type());
        putIfPresent(node, "subject", event.subject());
        if (event.time() != null) {
            node.put("time", event.time().toString());
        }
        putIfPresent(node, "datacontenttype", event.datacontenttype());
        putIfPresent(node, "schoolurn", event.schoolurn());
        if (event.data() != null) {
            node.set("data", event.data());
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.id(), e);
        }
    }

    public static byte[] toBytes(CloudEvent event) {
        return toJson(event).getBytes(StandardCharsets.UTF_8);
    }

    public static CloudEvent fromJson(String json) {
        if (json == null) {
            throw new InvalidEventException("empty record");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidEventException("not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidEventException("a structured CloudEvent must be a JSON object");
        }
        return new CloudEvent(
                text(node, "id"),
                text(node, "source"),
                text(node, "specversion"),
                text(node, "type"),
                text(node, "subject"),
                time(node),
                text(node, "datacontenttype"),
                text(node, "schoolurn"),
                node.get("data"));
    }

    public static CloudEvent fromBytes(byte[] bytes) {
        return bytes == null ? fromJson(null) : fromJson(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Reads an event's {@code data} as the given type. */
    public static <T> T data(CloudEvent event, Class<T> type) {
        try {
            return MAPPER.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException(
                    "data of " + event.type() + " " + event.id() + " is not a " + type.getSimpleName(), e);
        }
    }

    /** Turns any payload object into the JSON tree carried as {@code data}. */
    public static JsonNode toData(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    private static OffsetDateTime time(JsonNode node) {
        String value = text(node, "time");
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("time is not an RFC 3339 timestamp: " + value, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidEventException(field + " must be a string");
        }
        return value.asText();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
