package org.custodian.sharing.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The production signer against the Standard Webhooks test vector and an independent verifier. */
class SigningTest {

    @Test
    void matchesTheStandardWebhooksReferenceVector() {
        // the example from the Standard Webhooks specification and its reference libraries
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        long timestamp = 1614265330;
        String body = "{\"test\": 2432232314}";
        assertThat(WebhookSigner.header(List.of(secret), id, timestamp, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aNewSecretIsWhsecAndBase64Of32Bytes() {
        String secret = WebhookSecrets.generate();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSecrets.generate()).isNotEqualTo(secret);
    }

    @Test
    void secretsOutsideTheStandardLengthsAreRefused() {
        assertThatThrownBy(() ->
                        WebhookSecrets.keyOf("whsec_" + Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSecrets.keyOf("sk_abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void everySignatureVerifiesIndependently(@ForAll @StringLength(max = 300) String body) {
        String secret = WebhookSecrets.generate();
        String header = WebhookSigner.header(List.of(secret), "msg_1", 1_700_000_000L, body);
        assertThat(IndependentVerifier.verify(secret, "msg_1", "1700000000", body, header))
                .isTrue();
        assertThat(IndependentVerifier.verify(secret, "msg_2", "1700000000", body, header))
                .isFalse();
        assertThat(IndependentVerifier.verify(WebhookSecrets.generate(), "msg_1", "1700000000", body, header))
                .isFalse();
    }

    @Test
    void duringARotationBothSecretsSign() {
        String oldSecret = WebhookSecrets.generate();
        String newSecret = WebhookSecrets.generate();
        String header = WebhookSigner.header(List.of(newSecret, oldSecret), "msg_9", 1_700_000_000L, "{}");
        assertThat(header.split(" ")).hasSize(2);
        assertThat(IndependentVerifier.verify(oldSecret, "msg_9", "1700000000", "{}", header))
                .isTrue();
        assertThat(IndependentVerifier.verify(newSecret, "msg_9", "1700000000", "{}", header))
                .isTrue();
    }

    @Test
    void secretsAreSealedWithAesGcmAndBoundToTheirEndpoint() {
        SecretBox box = new SecretBox(Base64.getEncoder().encodeToString(new byte[32]));
        String sealed = box.seal("whsec_abc", "endpoint-1");
        assertThat(sealed).startsWith("v1:").doesNotContain("whsec_abc");
        assertThat(box.seal("whsec_abc", "endpoint-1")).isNotEqualTo(sealed);
        assertThat(box.open(sealed, "endpoint-1")).isEqualTo("whsec_abc");
        assertThatThrownBy(() -> box.open(sealed, "endpoint-2")).isInstanceOf(IllegalStateException.class);
        SecretBox otherKey = new SecretBox(Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        }));
        assertThatThrownBy(() -> otherKey.open(sealed, "endpoint-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox("c2hvcnQ=")).isInstanceOf(IllegalStateException.class);
    }
}
