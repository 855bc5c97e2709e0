package org.custodian.sharing.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's verification written from the Standard Webhooks specification, independently of the production signer:
 * strip {@code whsec_}, base64-decode the key, HMAC-SHA256 over {@code id.timestamp.body}, compare each {@code v1,}
 * signature of the header in constant time.
 */
public final class IndependentVerifier {

    private IndependentVerifier() {}

    public static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.replaceFirst("^whsec_", ""));
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String candidate : signatureHeader.trim().split("\\s+")) {
                int comma = candidate.indexOf(',');
                if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                    continue;
                }
                byte[] given = Base64.getDecoder().decode(candidate.substring(comma + 1));
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
