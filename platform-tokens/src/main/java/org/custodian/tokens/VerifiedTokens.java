package org.custodian.tokens;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer-token parser Quarkus verifies every request's JWT with, remembering the tokens it has verified until
 * they expire. A client sends the same token with every call, and verifying it again (base64, two JSON parses and an
 * RSA signature check) was the largest single cost of a consent check and most of the gateway's (bench/run.sh, issue
 * 8: half of all allocations). Only a token that passed the full verification is remembered, by its exact text, and
 * only until its {@code exp} (without the clock skew the first verification allowed); anything else goes to
 * SmallRye's own parser as before. At most {@link #CAPACITY} tokens are held; past that the memory starts afresh.
 * <p>
 * A token SmallRye accepts must also pass the {@link TokenRules} (lifetime cap, {@code iat}, {@code sub},
 * {@code schools}) before it is remembered, and every use of a token, remembered or not, is checked against the
 * {@link Revocations} in force, so a revocation takes effect on the next request.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final int CAPACITY = 2_000;

    private record Verified(JsonWebToken token, long expiresAtSecond) {}

    private final JWTParser delegate;
    private final TokenRules rules;
    private final Revocations revocations;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(TokenIssuers issuers, TokenRules rules, Revocations revocations) {
        this(issuers.parser(), rules, revocations);
    }

    VerifiedTokens(JWTParser delegate, TokenRules rules, Revocations revocations) {
        this.delegate = delegate;
        this.rules = rules;
        this.revocations = revocations;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        long now = System.currentTimeMillis() / 1000;
        Verified known = verified.get(bearerToken);
        if (known != null) {
            if (now < known.expiresAtSecond()) {
                revocations.check(known.token());
                return known.token();
            }
            verified.remove(bearerToken, known);
        }
        JsonWebToken token = delegate.parse(bearerToken);
        rules.check(token, now);
        revocations.check(token);
        long exp = token.getExpirationTime();
        if (exp > now) {
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
            verified.put(bearerToken, new Verified(token, exp));
        }
        return token;
    }

    /** Whether a token was verified here and has not expired (it may since have been revoked). */
    public boolean remembers(String bearerToken) {
        Verified known = verified.get(bearerToken);
        return known != null && System.currentTimeMillis() / 1000 < known.expiresAtSecond();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        JsonWebToken parsed = delegate.parse(token, context);
        rules.check(parsed, System.currentTimeMillis() / 1000);
        revocations.check(parsed);
        return parsed;
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
