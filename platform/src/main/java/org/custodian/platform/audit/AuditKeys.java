package org.custodian.platform.audit;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 keys of the audit chains, from configuration and never from the database
 * ({@code custodian.audit.chain-keys}: {@code id:base64,id:base64,...}, the first one current). New rows are keyed
 * with the current key and carry its id; every listed key verifies the rows it keyed, so a key is rotated by putting a
 * new one first and keeping the old ones listed for as long as rows keyed with them are kept.
 */
public final class AuditKeys {

    /** The key id of rows written before the chains were keyed: plain SHA-256, verifiable by anyone. */
    public static final String UNKEYED = "sha256";

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final int MIN_KEY_BYTES = 32;

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    private AuditKeys(String currentId, Map<String, SecretKeySpec> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /** Parses {@code id:base64,...} (first = current); each key at least 32 bytes, ids unique. */
    public static AuditKeys parse(String list) {
        Map<String, byte[]> raw = parseList(list, "custodian.audit.chain-keys");
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        raw.forEach((id, bytes) -> {
            if (id.equals(UNKEYED)) {
                throw new IllegalStateException(
                        "custodian.audit.chain-keys: '" + UNKEYED + "' names the unkeyed rows; choose another key id");
            }
            if (bytes.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("custodian.audit.chain-keys: key '" + id + "' has " + bytes.length
                        + " bytes; at least " + MIN_KEY_BYTES + " (openssl rand -base64 32)");
            }
            keys.put(id, new SecretKeySpec(bytes, "HmacSHA256"));
        });
        return new AuditKeys(raw.keySet().iterator().next(), Collections.unmodifiableMap(keys));
    }

    public String currentId() {
        return currentId;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    public boolean knows(String id) {
        return keys.containsKey(id);
    }

    /** A fresh MAC under key {@code id} (a {@link Mac} is not thread-safe: one per use or per walk). */
    Mac mac(String id) {
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalArgumentException("no audit chain key '" + id + "'");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code id:base64,id:base64,...} as an ordered map of id to bytes; the property name goes into every error. */
    static Map<String, byte[]> parseList(String list, String property) {
        if (list == null || list.isBlank()) {
            throw new IllegalStateException(property + " is empty: it needs at least one id:base64 key");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String item : list.split(",")) {
            String entry = item.strip();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException(
                        property + ": each key is id:base64 with an id of letters, digits, '.', '_' or '-'");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(entry.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(property + ": key '" + id + "' is not base64");
            }
            if (keys.put(id, bytes) != null) {
                throw new IllegalStateException(property + ": key id '" + id + "' is listed twice");
            }
        }
        return keys;
    }
}
