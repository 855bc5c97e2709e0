package org.custodian.tokens;

import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@code schools} claim, read the same way by every service and the gateway: a JSON array of strings (the URNs the
 * token may act for), or absent for none. Anything else (a bare string, a number, an array holding anything but
 * strings) is malformed, and {@link TokenRules} refuses the token that carries it.
 */
public final class SchoolsClaim {

    public static final String NAME = "schools";

    private SchoolsClaim() {}

    /**
     * The schools in a claim as the token library hands it over (a {@code JsonArray} or a collection): empty when the
     * claim is absent, nothing when it is malformed.
     */
    public static Optional<Set<String>> parse(Object claim) {
        if (claim == null) {
            return Optional.of(Set.of());
        }
        if (!(claim instanceof Collection<?> values)) { // a JsonArray is a List<JsonValue>
            return Optional.empty();
        }
        Set<String> schools = new LinkedHashSet<>();
        for (Object value : values) {
            if (value instanceof JsonString string) {
                schools.add(string.getString());
            } else if (value instanceof String string) {
                schools.add(string);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(Collections.unmodifiableSet(schools));
    }

    /** The schools a verified token covers (its claim was checked when the token was verified; none if malformed). */
    public static Set<String> of(JsonWebToken token) {
        return parse(token.getClaim(NAME)).orElse(Set.of());
    }
}
