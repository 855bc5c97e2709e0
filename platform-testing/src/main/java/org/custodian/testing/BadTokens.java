package org.custodian.testing;

import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every kind of token a service must refuse with 401. Each one would be valid for {@code role} at {@code school}
 * but for the one thing it gets wrong. The last four are the service-token walls (issue 16, findings 4 and 5): the
 * role {@code service} comes only in a service token, and the service-token key signs nothing else.
 */
public enum BadTokens {
    UNSIGNED_ALG_NONE((role, school) -> compact("{\"alg\":\"none\",\"typ\":\"JWT\"}", payload(role, school), null)),
    HS256_SIGNED_WITH_PUBLIC_KEY((role, school) -> hs256WithPublicKey(payload(role, school))),
    EXPIRED((role, school) -> TestTokens.role(role)
            .school(school)
            .issuedAt(Instant.now().minus(Duration.ofHours(2)))
            .lifetime(Duration.ofHours(1))
            .mint()),
    NOT_YET_VALID((role, school) -> Jwt.issuer(TestKeys.ISSUER)
            .audience(TestKeys.AUDIENCE)
            .subject("early")
            .groups(role)
            .claim("schools", java.util.List.of(school))
            .issuedAt(Instant.now())
            .claim("nbf", Instant.now().plus(Duration.ofHours(1)).getEpochSecond())
            .expiresAt(Instant.now().plus(Duration.ofHours(2)))
            .sign(TestKeys.signingKey())),
    MISSING_EXP((role, school) -> rs256(without(payload(role, school), "exp"), TestKeys.signingKey())),
    WRONG_ISSUER((role, school) ->
            TestTokens.role(role).school(school).issuer("https://evil.example").mint()),
    WRONG_AUDIENCE((role, school) ->
            TestTokens.role(role).school(school).audience("someone-else").mint()),
    MISSING_AUDIENCE((role, school) ->
            TestTokens.role(role).school(school).audience(null).mint()),
    UNKNOWN_KEY((role, school) -> TestTokens.role(role).school(school).claims().sign(TestKeys.unknownKey())),
    TAMPERED_PAYLOAD(
            (role, school) -> tamper(TestTokens.role(role).school(school).mint())),
    NOT_A_JWT((role, school) -> "not-a-jwt"),
    /** A person's token whose {@code groups} also says {@code service}: it once read the whole roster. */
    SERVICE_ROLE_IN_A_USER_TOKEN(
            (role, school) -> TestTokens.role(role, "service").school(school).mint()),
    /** The service-token key signing a person's token for the identity provider's issuer and audience. */
    USER_TOKEN_SIGNED_WITH_THE_SERVICE_KEY((role, school) -> TestTokens.role(role)
            .school(school)
            .signedWith(TestKeys.serviceSigningKey())
            .mint()),
    /** A service token (its own key, issuer and audience) claiming a person's role. */
    SERVICE_TOKEN_CLAIMING_A_ROLE((role, school) ->
            TestTokens.role(role).serviceIssued().school(school).mint()),
    /** A service token claiming a person's role as well as {@code service}. */
    SERVICE_TOKEN_WITH_A_SECOND_ROLE((role, school) ->
            TestTokens.role("service", role).serviceIssued().school(school).mint()),
    /** Valid for 13 hours: longer than the 12-hour cap on a token's lifetime ({@code exp - iat}). */
    LIFETIME_OVER_THE_CAP((role, school) ->
            TestTokens.role(role).school(school).lifetime(Duration.ofHours(13)).mint()),
    /** Without {@code iat}, a token's lifetime cannot be checked. */
    MISSING_IAT((role, school) -> rs256(without(payload(role, school), "iat"), TestKeys.signingKey())),
    EMPTY_SUBJECT(
            (role, school) -> TestTokens.role(role).school(school).subject("").mint()),
    SUBJECT_WITH_CR_LF((role, school) -> TestTokens.role(role)
            .school(school)
            .subject("mallory\r\nX-Injected: 1")
            .mint()),
    SUBJECT_WITH_PATH_CHARACTERS((role, school) ->
            TestTokens.role(role).school(school).subject("../guardians/G-1").mint()),
    /** {@code "schools":"<urn>"}: the claim is an array of strings or nothing. */
    BARE_STRING_SCHOOLS_CLAIM((role, school) -> rs256(
            payload(role, school).replace("\"schools\":[\"" + school + "\"]", "\"schools\":\"" + school + "\""),
            TestKeys.signingKey())),
    /** A token whose {@code jti} is revoked ({@link TestRevocations}, on the test broker from its start). */
    REVOKED_TOKEN_ID((role, school) -> TestTokens.role(role)
            .school(school)
            .tokenId(TestRevocations.TOKEN_ID)
            .mint()),
    /** A token of a subject revoked after it was issued ({@link TestRevocations}). */
    REVOKED_SUBJECT((role, school) -> TestTokens.role(role)
            .school(school)
            .subject(TestRevocations.SUBJECT)
            .issuedAt(Instant.now().minus(Duration.ofHours(11)))
            .lifetime(Duration.ofHours(11).plusMinutes(30))
            .mint());

    private final BiFunction<String, String, String> mint;

    BadTokens(BiFunction<String, String, String> mint) {
        this.mint = mint;
    }

    public String token(String role, String school) {
        return mint.apply(role, school);
    }

    public String bearer(String role, String school) {
        return "Bearer " + token(role, school);
    }

    private static String payload(String role, String school) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + TestKeys.ISSUER + "\",\"aud\":\"" + TestKeys.AUDIENCE + "\",\"sub\":\"mallory\","
                + "\"groups\":[\"" + role + "\"],\"schools\":[\"" + school + "\"],\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
    }

    /** The payload without one of its numeric claims. */
    private static String without(String payload, String claim) {
        return payload.replaceFirst(",\"" + claim + "\":\\d+", "");
    }

    private static String rs256(String payload, PrivateKey key) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput(header, payload).getBytes(StandardCharsets.US_ASCII));
            return compact(header, payload, signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256WithPublicKey(String payload) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestKeys.verificationKeyPem(), "HmacSHA256"));
            return compact(
                    header, payload, mac.doFinal(signingInput(header, payload).getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Swaps the payload for one granting the {@code dpo} role, keeping the original signature. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = claims.replaceFirst("\"groups\":\\[[^]]*]", "\"groups\":[\"dpo\",\"school-admin\"]");
        if (forged.equals(claims)) {
            forged = claims.replace("}", ",\"admin\":true}");
        }
        return parts[0] + "." + b64(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String signingInput(String header, String payload) {
        return b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String compact(String header, String payload, byte[] signature) {
        return signingInput(header, payload) + "." + (signature == null ? "" : b64(signature));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
