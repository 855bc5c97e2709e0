package org.custodian.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The committed, test-only RSA keys under {@code custodian-test-keys/}: the identity provider's (people's and systems'
 * tokens) and the service-token key (one service calling another's internal routes), each with its own issuer and
 * audience.
 */
public final class TestKeys {

    public static final String ISSUER = "https://auth.custodian.test";
    public static final String AUDIENCE = "custodian";
    /** What the kernel's defaults say service tokens carry (platform's microprofile-config.properties). */
    public static final String SERVICE_ISSUER = "https://custodian.internal/service";

    public static final String SERVICE_AUDIENCE = "custodian-internal";

    private TestKeys() {}

    public static PrivateKey signingKey() {
        return privateKey("custodian-test-keys/privateKey.pem");
    }

    /** The service-token key: the services trust it for service tokens only, the gateway not at all. */
    public static PrivateKey serviceSigningKey() {
        return privateKey("custodian-test-keys/servicePrivateKey.pem");
    }

    /** A key no service trusts. */
    public static PrivateKey unknownKey() {
        return privateKey("custodian-test-keys/unknownPrivateKey.pem");
    }

    public static PublicKey verificationKey() {
        return publicKey("custodian-test-keys/publicKey.pem");
    }

    public static PublicKey serviceVerificationKey() {
        return publicKey("custodian-test-keys/servicePublicKey.pem");
    }

    /** The public key exactly as its PEM file holds it, which an HS256 confusion attack uses as the secret. */
    public static byte[] verificationKeyPem() {
        return read("custodian-test-keys/publicKey.pem").getBytes(StandardCharsets.UTF_8);
    }

    private static PublicKey publicKey(String resource) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(read(resource))));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static PrivateKey privateKey(String resource) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(read(resource))));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static byte[] der(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String read(String resource) {
        try (InputStream in = TestKeys.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
