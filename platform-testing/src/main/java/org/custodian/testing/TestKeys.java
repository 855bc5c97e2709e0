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

/** The committed, test-only RSA keys under {@code custodian-test-keys/}. */
public final class TestKeys {

    public static final String ISSUER = "https://auth.custodian.test";
    public static final String AUDIENCE = "custodian";

    private TestKeys() {
    }

    public static PrivateKey signingKey() {
        return privateKey("custodian-test-keys/privateKey.pem");
    }

    /** A key no service trusts. */
    public static PrivateKey unknownKey() {
        return privateKey("custodian-test-keys/unknownPrivateKey.pem");
    }

    public static PublicKey verificationKey() {
        try {
            byte[] der = der(read("custodian-test-keys/publicKey.pem"));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the test public key", e);
        }
    }

    /** The public key exactly as its PEM file holds it, which an HS256 confusion attack uses as the secret. */
    public static byte[] verificationKeyPem() {
        return read("custodian-test-keys/publicKey.pem").getBytes(StandardCharsets.UTF_8);
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
