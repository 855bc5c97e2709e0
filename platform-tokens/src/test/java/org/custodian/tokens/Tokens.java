package org.custodian.tokens;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/** Verified tokens as SmallRye hands them over, built from claims (the signature is not what these tests are about). */
final class Tokens {

    static final long NOW = 1_800_000_000L;

    private Tokens() {}

    /** A token issued now for an hour, to {@code sub} {@code G-17} at school 100001, changed by {@code change}. */
    static JsonWebToken token(Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("G-17");
        claims.setJwtId("jti-1");
        claims.setIssuedAt(NumericDate.fromSeconds(NOW));
        claims.setExpirationTime(NumericDate.fromSeconds(NOW + 3600));
        claims.setClaim("schools", List.of("100001"));
        change.accept(claims);
        return new DefaultJWTCallerPrincipal("raw", "JWT", claims);
    }
}
