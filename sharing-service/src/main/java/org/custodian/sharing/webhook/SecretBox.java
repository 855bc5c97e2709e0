package org.custodian.sharing.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.custodian.sharing.SharingConfig;

/**
 * Encrypts webhook secrets at rest with AES-256-GCM. The key is {@code custodian.sharing.secret-key} (base64 of 32
 * bytes; in production from {@code CUSTODIAN_SHARING_SECRET_KEY}). Each value has its own random 96-bit nonce and is
 * bound to the endpoint it belongs to (associated data), so a ciphertext copied to another row does not decrypt.
 * Stored form: {@code v1:} + base64(nonce ‖ ciphertext ‖ tag).
 */
@ApplicationScoped
public class SecretBox {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    public SecretBox(SharingConfig config) {
        this(config.secretKey());
    }

    /** A box sealing with the key given as base64 of 32 bytes. */
    public SecretBox(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("custodian.sharing.secret-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "custodian.sharing.secret-key must be 32 bytes (base64), was " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String plaintext, String boundTo) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        }
    }

    public String open(String stored, String boundTo) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed secret");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a webhook secret (wrong key or tampered row)", e);
        }
    }
}
