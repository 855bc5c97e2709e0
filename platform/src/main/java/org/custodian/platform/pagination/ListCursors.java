package org.custodian.platform.pagination;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.custodian.platform.problems.ProblemException;
import org.custodian.platform.problems.Problems;

/**
 * The cursors of one list. A cursor is base64url (no padding) of a payload and its HMAC-SHA256 under the service's
 * {@link CursorKeys}, computed over the list's name and the payload: only the service can make one, and a cursor of
 * one list is refused by every other. The payload is a version tag and the position's values, each as its UTF-8 length
 * in decimal, a colon and its bytes. Anything that is not a cursor this service issued for this list, spelled exactly
 * as issued, is refused with the same 400 naming {@code cursor}.
 */
public final class ListCursors {

    private static final byte[] VERSION = "c2|".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final CursorKeys keys;
    private final String list;

    ListCursors(CursorKeys keys, String list) {
        this.keys = keys;
        this.list = list;
    }

    public String list() {
        return list;
    }

    /**
     * The cursor of a position: values as PostgreSQL text holds them (no NUL, no unpaired surrogate; anything else is a
     * bug, not input).
     */
    public String issue(List<String> position) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(VERSION);
        for (String value : position) {
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a cursor position cannot hold NUL");
            }
            byte[] bytes = utf8(value);
            payload.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            payload.write(':');
            payload.writeBytes(bytes);
        }
        byte[] body = payload.toByteArray();
        byte[] mac = keys.seal(list, body);
        return ENCODER.encodeToString(
                ByteBuffer.allocate(body.length + mac.length).put(body).put(mac).array());
    }

    /** The position of a cursor this service issued for this list; anything else is a 400 naming {@code cursor}. */
    public List<String> open(String cursor) {
        if (cursor == null) {
            throw refused();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
        // one spelling per cursor: padding and stray low bits would otherwise make other strings open it too
        if (!ENCODER.encodeToString(bytes).equals(cursor) || bytes.length < VERSION.length + CursorKeys.MAC_BYTES) {
            throw refused();
        }
        byte[] payload = Arrays.copyOfRange(bytes, 0, bytes.length - CursorKeys.MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(bytes, bytes.length - CursorKeys.MAC_BYTES, bytes.length);
        if (!keys.opens(list, payload, mac)) {
            throw refused();
        }
        return position(payload);
    }

    /** The same 400 for every cursor that is not ours. */
    static ProblemException refused() {
        return Problems.invalid("cursor", "not a cursor this service issued for this list");
    }

    /** Strict even though the MAC vouches for the payload: every malformed payload is the same 400, never a 500. */
    private static List<String> position(byte[] payload) {
        if (!Arrays.equals(payload, 0, VERSION.length, VERSION, 0, VERSION.length)) {
            throw refused();
        }
        List<String> values = new ArrayList<>();
        int i = VERSION.length;
        while (i < payload.length) {
            int length = 0;
            int digits = 0;
            while (i < payload.length && payload[i] >= '0' && payload[i] <= '9' && digits < 6) {
                length = length * 10 + (payload[i] - '0');
                i++;
                digits++;
            }
            if (digits == 0 || i >= payload.length || payload[i] != ':' || length > payload.length - i - 1) {
                throw refused();
            }
            String value = strictUtf8(Arrays.copyOfRange(payload, i + 1, i + 1 + length));
            if (value.indexOf('\0') >= 0) {
                throw refused();
            }
            values.add(value);
            i += 1 + length;
        }
        return values;
    }

    private static byte[] utf8(String value) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(java.nio.CharBuffer.wrap(value));
            return Arrays.copyOf(bytes.array(), bytes.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a cursor position must be valid Unicode text", e);
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw refused();
        }
    }
}
