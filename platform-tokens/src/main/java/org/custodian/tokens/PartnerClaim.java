package org.custodian.tokens;

import jakarta.json.JsonString;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@code partner_id} claim: the organisation a {@code partner} token speaks for, the same in every school (issue
 * 17; docs/decisions/0019). Schools link their recipients to it. A claim that is absent, not a string, or not
 * {@link #PATTERN} names no partner: the token is then read as before (its {@code sub} is one school's recipient id).
 */
public final class PartnerClaim {

    public static final String NAME = "partner_id";

    /** What a partner id looks like: 1 to 100 letters, digits and {@code . _ : -}, starting with a letter or digit. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    private PartnerClaim() {}

    /** The partner id in a claim as the token library hands it over, if it is a well-formed one. */
    public static Optional<String> parse(Object claim) {
        String value = claim instanceof JsonString string
                ? string.getString()
                : claim instanceof String string ? string : null;
        return value != null && PATTERN.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }

    /** The partner a verified token speaks for, if any. */
    public static Optional<String> of(JsonWebToken token) {
        return parse(token.getClaim(NAME));
    }
}
