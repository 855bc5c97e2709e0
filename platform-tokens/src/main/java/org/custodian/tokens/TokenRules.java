package org.custodian.tokens;

import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.json.JsonNumber;
import java.time.Duration;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a token must be, beyond what SmallRye JWT checks (signature, issuer, audience, {@code exp}, {@code nbf}), for
 * any service or the gateway to accept it. Plain Java; {@link VerifiedTokens} applies it once per token.
 * <ul>
 *     <li>an {@code iat}, not later than now (give or take the clock skew);</li>
 *     <li>a lifetime ({@code exp - iat}) of at most the cap ({@code custodian.tokens.max-lifetime}, 12 hours);</li>
 *     <li>a {@code sub} that {@link #acceptsSubject(String) could name someone};</li>
 *     <li>a {@code schools} claim that is an array of strings, or none ({@link SchoolsClaim}).</li>
 * </ul>
 */
public final class TokenRules {

    /** The longest subject accepted. */
    public static final int MAX_SUBJECT_LENGTH = 255;

    private final long maxLifetimeSeconds;
    private final long clockSkewSeconds;

    public TokenRules(Duration maxLifetime, long clockSkewSeconds) {
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("the cap on a token's lifetime must be positive");
        }
        this.maxLifetimeSeconds = maxLifetime.toSeconds();
        this.clockSkewSeconds = clockSkewSeconds;
    }

    public long maxLifetimeSeconds() {
        return maxLifetimeSeconds;
    }

    /** Refuses a token, already verified by SmallRye, that breaks a rule; {@code now} in epoch seconds. */
    public void check(JsonWebToken token, long now) throws ParseException {
        Long issuedAt = seconds(token, Claims.iat);
        if (issuedAt == null) {
            throw new ParseException("the token has no iat");
        }
        if (issuedAt > now + clockSkewSeconds) {
            throw new ParseException("the token was issued in the future");
        }
        Long expiresAt = seconds(token, Claims.exp);
        if (expiresAt == null || expiresAt - issuedAt > maxLifetimeSeconds) {
            throw new ParseException("the token's lifetime is over the cap of " + maxLifetimeSeconds + " s");
        }
        if (!acceptsSubject(token.getSubject())) {
            throw new ParseException("the token's sub is empty or holds characters a subject never has");
        }
        if (SchoolsClaim.parse(token.getClaim(SchoolsClaim.NAME)).isEmpty()) {
            throw new ParseException("the token's schools claim is not an array of strings");
        }
    }

    /**
     * Whether a {@code sub} could name someone: 1 to {@value #MAX_SUBJECT_LENGTH} characters, no control, format or
     * white-space characters (no CR/LF to split a header or a log line, no U+202E), none of {@code / \ ? # %}, and not
     * {@code .} or {@code ..} (nothing that changes a path it is put into).
     */
    public static boolean acceptsSubject(String sub) {
        if (sub == null || sub.isEmpty() || sub.length() > MAX_SUBJECT_LENGTH || sub.equals(".") || sub.equals("..")) {
            return false;
        }
        return sub.codePoints()
                .noneMatch(c -> Character.isISOControl(c)
                        || Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.SURROGATE
                        || c == '/'
                        || c == '\\'
                        || c == '?'
                        || c == '#'
                        || c == '%');
    }

    /** A time claim in epoch seconds, or null when the token has none. */
    static Long seconds(JsonWebToken token, Claims name) {
        if (!token.getClaimNames().contains(name.name())) {
            return null; // SmallRye answers 0 for a missing time claim
        }
        Object claim = token.getClaim(name.name());
        if (claim instanceof Number number) {
            return number.longValue();
        }
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return null;
    }
}
