package org.custodian.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real RS256 tokens against real SmallRye verification, with two freshly made key pairs: the users' and the services'. */
class TokenIssuersTest {

    static final String USERS = "https://auth.example";
    static final String SERVICES = "https://custodian.internal/service";
    static final KeyPair USER_KEY = keyPair();
    static final KeyPair SERVICE_KEY = keyPair();

    /** A service as deployed: both issuers. */
    final JWTParser service = new TokenIssuers(users(), Optional.of(services(Duration.ofMinutes(5)))).parser();
    /** The gateway: the users' issuer alone. */
    final JWTParser gateway = new TokenIssuers(users(), Optional.empty()).parser();

    @Test
    void aPersonsTokenIsAcceptedByBoth() throws Exception {
        String token = sign(USER_KEY.getPrivate(), USERS, "custodian", List.of("parent"), 3600);
        assertEquals(Set.of("parent"), service.parse(token).getGroups());
        assertEquals(Set.of("parent"), gateway.parse(token).getGroups());
    }

    @Test
    void aPersonsTokenClaimingTheServiceRoleIsRefusedByBoth() {
        String token = sign(USER_KEY.getPrivate(), USERS, "custodian", List.of("parent", "service"), 3600);
        assertThrows(ParseException.class, () -> service.parse(token));
        assertThrows(ParseException.class, () -> gateway.parse(token));
    }

    @Test
    void aServiceTokenIsAcceptedByAServiceAndNeverByTheGateway() throws Exception {
        String token = sign(SERVICE_KEY.getPrivate(), SERVICES, "custodian-internal", List.of("service"), 60);
        assertEquals(Set.of("service"), service.parse(token).getGroups());
        assertThrows(ParseException.class, () -> gateway.parse(token));
    }

    @Test
    void aServiceTokenCarriesTheServiceRoleAndNoOther() {
        for (List<String> groups : List.of(List.of("dpo"), List.of("service", "dpo"), List.<String>of())) {
            String token = sign(SERVICE_KEY.getPrivate(), SERVICES, "custodian-internal", groups, 60);
            assertThrows(ParseException.class, () -> service.parse(token), groups.toString());
        }
    }

    @Test
    void theServiceKeyCannotSignAPersonsToken() {
        String token = sign(SERVICE_KEY.getPrivate(), USERS, "custodian", List.of("dpo"), 3600);
        assertThrows(ParseException.class, () -> service.parse(token));
        assertThrows(ParseException.class, () -> gateway.parse(token));
    }

    @Test
    void theUsersKeyCannotSignAServiceToken() {
        String token = sign(USER_KEY.getPrivate(), SERVICES, "custodian-internal", List.of("service"), 60);
        assertThrows(ParseException.class, () -> service.parse(token));
    }

    @Test
    void aServiceTokenNeedsTheServicesAudienceAndAShortLife() {
        assertThrows(
                ParseException.class,
                () -> service.parse(sign(SERVICE_KEY.getPrivate(), SERVICES, "custodian", List.of("service"), 60)));
        assertThrows(
                ParseException.class,
                () -> service.parse(
                        sign(SERVICE_KEY.getPrivate(), SERVICES, "custodian-internal", List.of("service"), 3600)));
    }

    @Test
    void serviceTokensMustHaveAnIssuerAndAudienceOfTheirOwn() {
        JWTAuthContextInfo sameIssuer =
                TokenIssuers.serviceContext(users(), USERS, "custodian-internal", "unused.pem", Duration.ofMinutes(5));
        JWTAuthContextInfo sameAudience =
                TokenIssuers.serviceContext(users(), SERVICES, "custodian", "unused.pem", Duration.ofMinutes(5));
        assertThrows(IllegalStateException.class, () -> new TokenIssuers(users(), Optional.of(sameIssuer)));
        assertThrows(IllegalStateException.class, () -> new TokenIssuers(users(), Optional.of(sameAudience)));
        assertTrue(new TokenIssuers(users(), Optional.of(services(Duration.ofMinutes(5)))).acceptsServiceTokens());
        assertFalse(new TokenIssuers(users(), Optional.empty()).acceptsServiceTokens());
    }

    /** As deployed: both keys read from their locations, each issuer keeping its own. */
    @Test
    void eachIssuerKeepsItsOwnKeyWhenBothAreReadFromFiles(@TempDir Path keys) throws Exception {
        JWTAuthContextInfo users = new JWTAuthContextInfo(pem(keys.resolve("users.pem"), USER_KEY), USERS);
        users.setExpectedAudience(Set.of("custodian"));
        JWTParser parser = new TokenIssuers(
                        users,
                        Optional.of(TokenIssuers.serviceContext(
                                users,
                                SERVICES,
                                "custodian-internal",
                                pem(keys.resolve("services.pem"), SERVICE_KEY),
                                Duration.ofMinutes(5))))
                .parser();
        String service = sign(SERVICE_KEY.getPrivate(), SERVICES, "custodian-internal", List.of("service"), 60);
        String person = sign(USER_KEY.getPrivate(), USERS, "custodian", List.of("dpo"), 3600);
        for (int round = 0; round < 2; round++) {
            assertEquals(Set.of("service"), parser.parse(service).getGroups());
            assertEquals(Set.of("dpo"), parser.parse(person).getGroups());
        }
        assertThrows(
                ParseException.class,
                () -> parser.parse(sign(SERVICE_KEY.getPrivate(), USERS, "custodian", List.of("dpo"), 3600)));
    }

    static String pem(Path file, KeyPair pair) throws Exception {
        Files.writeString(
                file,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(pair.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        return "file:" + file;
    }

    @Test
    void theClaimedIssuerIsReadWithoutTrustingIt() {
        assertEquals(SERVICES, TokenIssuers.claimedIssuer(sign(USER_KEY.getPrivate(), SERVICES, "x", List.of(), 60)));
        assertEquals(null, TokenIssuers.claimedIssuer("not-a-jwt"));
        assertEquals(null, TokenIssuers.claimedIssuer("a.b.c"));
    }

    static JWTAuthContextInfo users() {
        JWTAuthContextInfo users = new JWTAuthContextInfo(USER_KEY.getPublic(), USERS);
        users.setExpectedAudience(Set.of("custodian"));
        users.setClockSkew(30);
        return users;
    }

    static JWTAuthContextInfo services(Duration maxLifetime) {
        JWTAuthContextInfo services =
                TokenIssuers.serviceContext(users(), SERVICES, "custodian-internal", "unused.pem", maxLifetime);
        services.setPublicKeyLocation(null);
        services.setPublicVerificationKey(SERVICE_KEY.getPublic());
        return services;
    }

    static String sign(PrivateKey key, String issuer, String audience, List<String> groups, long lifetimeSeconds) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setAudience(audience);
            claims.setSubject("someone");
            claims.setStringListClaim("groups", groups);
            claims.setStringListClaim("schools", "100001");
            NumericDate now = NumericDate.now();
            claims.setIssuedAt(now);
            claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + lifetimeSeconds));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
