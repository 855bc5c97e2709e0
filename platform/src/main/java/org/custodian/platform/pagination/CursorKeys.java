package org.custodian.platform.pagination;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 keys a service seals its cursors with ({@code custodian.cursor.keys}: {@code base64,base64,...}, each
 * at least 32 random bytes). The first key seals; every key listed opens, so a key is rotated by putting a new one
 * first and removing the old one once the cursors it sealed have gone out of use. Every replica of a service holds the
 * same keys, so that a cursor issued by one replica is honoured by the others.
 */
public final class CursorKeys {

    static final int MAC_BYTES = 32;
    private static final int MIN_KEY_BYTES = 32;
    private static final String PROPERTY = "custodian.cursor.keys";

    private final List<SecretKeySpec> keys;

    private CursorKeys(List<SecretKeySpec> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Parses {@code base64,base64,...} (the first one seals); each key at least 32 bytes. */
    public static CursorKeys parse(String list) {
        if (list == null || list.isBlank()) {
            throw new IllegalStateException(
                    PROPERTY + " is empty: it needs at least one key (openssl rand -base64 32)");
        }
        List<SecretKeySpec> keys = new ArrayList<>();
        for (String item : list.split(",")) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(item.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(PROPERTY + ": key " + (keys.size() + 1) + " is not base64");
            }
            if (bytes.length < MIN_KEY_BYTES) {
                throw new IllegalStateException(PROPERTY + ": key " + (keys.size() + 1) + " has " + bytes.length
                        + " bytes; at least " + MIN_KEY_BYTES + " (openssl rand -base64 32)");
            }
            keys.add(new SecretKeySpec(bytes, "HmacSHA256"));
        }
        return new CursorKeys(keys);
    }

    /** The cursors of one list, named by {@code list} (the operation's method and path template). */
    public ListCursors forList(String list) {
        return new ListCursors(this, list);
    }

    byte[] seal(String list, byte[] payload) {
        return mac(keys.get(0), list, payload);
    }

    boolean opens(String list, byte[] payload, byte[] mac) {
        boolean opens = false;
        for (SecretKeySpec key : keys) {
            opens |= MessageDigest.isEqual(mac(key, list, payload), mac);
        }
        return opens;
    }

    /** HMAC over the list's name (length first, so that name and payload cannot trade bytes) and the payload. */
    private static byte[] mac(SecretKeySpec key, String list, byte[] payload) {
        byte[] name = list.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
            mac.update(name);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
