package org.custodian.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final List<String> verifications = new ArrayList<>();

    /**
     * A parser that "verifies" a token named exp:<seconds from now> (its jti is that name), refuses one named bad, and
     * "verifies" one named sub:<seconds> with an empty subject.
     */
    private final JWTParser delegate = (JWTParser) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {JWTParser.class}, (proxy, method, args) -> {
                String token = (String) args[0];
                verifications.add(token);
                if (token.startsWith("bad")) {
                    throw new ParseException("refused");
                }
                long now = System.currentTimeMillis() / 1000;
                JwtClaims claims = new JwtClaims();
                claims.setSubject(token.startsWith("sub") ? "" : "G-17");
                claims.setJwtId(token);
                claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now - 60));
                claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(
                        now + Long.parseLong(token.substring(token.indexOf(':') + 1))));
                return new DefaultJWTCallerPrincipal(token, "JWT", claims);
            });

    private final Revocations revocations = new Revocations(13 * 3600);
    private final VerifiedTokens tokens =
            new VerifiedTokens(delegate, new TokenRules(Duration.ofHours(12), 30), revocations);

    @Test
    void aVerifiedTokenIsVerifiedOnceUntilItExpires() throws Exception {
        JsonWebToken first = tokens.parse("exp:3600");
        assertSame(first, tokens.parse("exp:3600"));
        assertEquals(List.of("exp:3600"), verifications);
    }

    @Test
    void anExpiredTokenIsNeverServedFromMemory() throws Exception {
        tokens.parse("exp:-10");
        tokens.parse("exp:-10");
        tokens.parse("exp:0");
        tokens.parse("exp:0");
        assertEquals(List.of("exp:-10", "exp:-10", "exp:0", "exp:0"), verifications);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        assertThrows(ParseException.class, () -> tokens.parse("bad:1"));
        assertThrows(ParseException.class, () -> tokens.parse("bad:1"));
        assertEquals(List.of("bad:1", "bad:1"), verifications);
    }

    @Test
    void anotherTokenIsVerifiedOnItsOwn() throws Exception {
        tokens.parse("exp:3600");
        tokens.parse("exp:3601");
        assertEquals(List.of("exp:3600", "exp:3601"), verifications);
    }

    @Test
    void aTokenBreakingTheRulesIsRefusedEveryTimeAndNeverRemembered() {
        assertThrows(ParseException.class, () -> tokens.parse("exp:" + 13 * 3600));
        assertThrows(ParseException.class, () -> tokens.parse("exp:" + 13 * 3600));
        assertThrows(ParseException.class, () -> tokens.parse("sub:3600"));
        assertEquals(List.of("exp:46800", "exp:46800", "sub:3600"), verifications);
        assertFalse(tokens.remembers("exp:46800"));
    }

    @Test
    void aRememberedTokenIsRefusedAsSoonAsItIsRevoked() throws Exception {
        tokens.parse("exp:3600");
        assertTrue(tokens.remembers("exp:3600"));
        revocations.apply(Revocation.ofTokenId("exp:3600", null, Instant.now()));
        ParseException refused = assertThrows(ParseException.class, () -> tokens.parse("exp:3600"));
        assertTrue(refused.getMessage().contains("revoked"));
        assertEquals(List.of("exp:3600"), verifications);
    }

    @Test
    void aRememberedTokenOfARevokedSubjectIsRefused() throws Exception {
        tokens.parse("exp:3600");
        revocations.apply(Revocation.ofSubject("G-17", null, Instant.now()));
        assertThrows(ParseException.class, () -> tokens.parse("exp:3600"));
        assertThrows(ParseException.class, () -> tokens.parse("exp:3601"));
    }

    @Test
    void theMemoryIsBounded() throws Exception {
        for (int i = 0; i <= VerifiedTokens.CAPACITY; i++) {
            tokens.parse("exp:" + (3600 + i));
        }
        tokens.parse("exp:3600");
        assertEquals(VerifiedTokens.CAPACITY + 2, verifications.size());
    }
}
