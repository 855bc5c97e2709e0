package org.custodian.accountability.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.custodian.platform.events.CloudEventCodec;

/** A notice as canonical JSON (map keys sorted, fields in record order) and the SHA-256 a version is known by. */
public final class NoticeJson {

    private static final ObjectMapper CANONICAL =
            CloudEventCodec.mapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private NoticeJson() {}

    public static String canonical(NoticeContent content) {
        try {
            return CANONICAL.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice cannot be written as JSON", e);
        }
    }

    public static NoticeContent read(String json) {
        try {
            return CANONICAL.readValue(json, NoticeContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored notice is not a notice", e);
        }
    }

    public static String hash(String canonicalJson) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
