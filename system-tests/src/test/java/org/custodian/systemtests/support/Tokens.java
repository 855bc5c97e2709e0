package org.custodian.systemtests.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Real RS256 tokens signed with the local stack's dev key, as deploy/local/token.sh mints them, and the bad tokens
 * every wall must refuse. Plain JDK: the stories depend on nothing of the suite's own code.
 */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static volatile PrivateKey devKey;
    private static volatile PrivateKey serviceKey;

    private Tokens() {}

    /** A token for {@code role} as {@code subject}, for the given schools, valid for an hour. */
    public static String mint(String role, String subject, String... schools) {
        return sign(claims(role, subject, Instant.now(), 3600, schools), devKey());
    }

    /** Expired ten minutes ago (well past the services' 30-second clock skew). */
    public static String expired(String role, String subject, String... schools) {
        return sign(claims(role, subject, Instant.now().minusSeconds(4200), 3600, schools), devKey());
    }

    /** {@code alg: none}, no signature: what an attacker who cannot sign would send. */
    public static String unsigned(String role, String subject, String... schools) {
        String header = encode(JSON.createObjectNode().put("alg", "none").put("typ", "JWT"));
        return header + "." + encode(claims(role, subject, Instant.now(), 3600, schools)) + ".";
    }

    /** Well formed, RS256, but signed by a key the stack has never seen. */
    public static String wronglySigned(String role, String subject, String... schools) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(
                    claims(role, subject, Instant.now(), 3600, schools),
                    generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person's token whose {@code groups} also says {@code service}, the role of service tokens alone. */
    public static String claimingService(String role, String subject, String... schools) {
        return sign(
                claims(
                        Stack.issuer(),
                        Stack.audience(),
                        List.of(role, "service"),
                        subject,
                        Instant.now(),
                        3600,
                        schools),
                devKey());
    }

    /** A person's token, for the identity provider's issuer and audience, signed with the service-token key. */
    public static String signedWithServiceKey(String role, String subject, String... schools) {
        return sign(claims(role, subject, Instant.now(), 3600, schools), serviceKey());
    }

    /** A service token as sar-service mints one (its key, issuer and audience, a minute), with the given roles. */
    public static String serviceToken(List<String> roles, String... schools) {
        return sign(
                claims(
                        Stack.serviceIssuer(),
                        Stack.serviceAudience(),
                        roles,
                        "service:system-tests",
                        Instant.now(),
                        60,
                        schools),
                serviceKey());
    }

    static ObjectNode claims(String role, String subject, Instant issuedAt, long ttlSeconds, String... schools) {
        return claims(Stack.issuer(), Stack.audience(), List.of(role), subject, issuedAt, ttlSeconds, schools);
    }

    static ObjectNode claims(
            String issuer,
            String audience,
            List<String> roles,
            String subject,
            Instant issuedAt,
            long ttlSeconds,
            String... schools) {
        ObjectNode claims =
                JSON.createObjectNode().put("iss", issuer).put("aud", audience).put("sub", subject);
        roles.forEach(claims.putArray("groups")::add);
        List.of(schools).forEach(claims.putArray("schools")::add);
        return claims.put("iat", issuedAt.getEpochSecond())
                .put("exp", issuedAt.getEpochSecond() + ttlSeconds)
                .put("jti", UUID.randomUUID().toString());
    }

    static String sign(ObjectNode claims, PrivateKey key) {
        String signing = encode(JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT")) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signing.getBytes(StandardCharsets.US_ASCII));
            return signing + "." + B64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(ObjectNode json) {
        try {
            return B64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey devKey() {
        if (devKey == null) {
            devKey = readPkcs8(Stack.signingKey());
        }
        return devKey;
    }

    private static PrivateKey serviceKey() {
        if (serviceKey == null) {
            serviceKey = readPkcs8(Stack.serviceSigningKey());
        }
        return serviceKey;
    }

    static PrivateKey readPkcs8(java.nio.file.Path pem) {
        try {
            String text = Files.readString(pem);
            if (!text.contains("BEGIN PRIVATE KEY")) {
                throw new IllegalStateException(
                        pem + " is not a PKCS#8 PEM private key (deploy/local/keys.sh makes one)");
            }
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "no dev signing key at " + pem + ": start the stack with deploy/local/up.sh", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the dev signing key " + pem, e);
        }
    }
}
