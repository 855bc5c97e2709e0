package org.custodian.sharing.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.custodian.platform.events.CloudEventCodec;

/**
 * What a replayed message says: the stored message as first sent, marked {@code data.replayed: true} with
 * {@code data.replayedAt}, and with the current status of the action it asked for in {@code data.action.status} (and
 * {@code data.action.statusAsOf}), so a partner is never told that an action it already completed is still open.
 * The {@code webhook-id} and every other field stay as first sent.
 */
public final class ReplayedMessage {

    private ReplayedMessage() {}

    /**
     * @param payload the message as first sent
     * @param replayedAt when the replay was asked for
     * @param currentStatus the current status of an action by id (empty when there is no such action)
     * @param now when the status was read
     * @return the payload to send; unchanged when it cannot be read as a message
     */
    public static String of(
            String payload, Instant replayedAt, Function<UUID, Optional<String>> currentStatus, Instant now) {
        JsonNode root;
        try {
            root = CloudEventCodec.mapper().readTree(payload);
        } catch (Exception unreadable) {
            return payload;
        }
        if (!(root instanceof ObjectNode message) || !(message.get("data") instanceof ObjectNode data)) {
            return payload;
        }
        data.put("replayed", true);
        data.put("replayedAt", replayedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        if (data.get("action") instanceof ObjectNode action && action.hasNonNull("id")) {
            UUID id;
            try {
                id = UUID.fromString(action.get("id").asText());
            } catch (IllegalArgumentException notAnId) {
                return write(message, payload);
            }
            currentStatus.apply(id).ifPresent(status -> {
                action.put("status", status);
                action.put("statusAsOf", now.truncatedTo(ChronoUnit.SECONDS).toString());
            });
        }
        return write(message, payload);
    }

    private static String write(ObjectNode message, String fallback) {
        try {
            return CloudEventCodec.mapper().writeValueAsString(message);
        } catch (Exception e) {
            return fallback;
        }
    }
}
