package org.custodian.sharing.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signatures: {@code v1,} + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), several
 * space-separated during a secret rotation.
 */
public final class WebhookSigner {

    private WebhookSigner() {}

    public static String sign(byte[] key, String messageId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The {@code webhook-signature} header value: one signature per secret in force. */
    public static String header(List<String> secrets, String messageId, long timestamp, String body) {
        return secrets.stream()
                .map(secret -> sign(WebhookSecrets.keyOf(secret), messageId, timestamp, body))
                .collect(Collectors.joining(" "));
    }
}
