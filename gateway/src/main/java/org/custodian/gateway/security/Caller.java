package org.custodian.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is calling, as the verified token says: its subject, its roles ({@code groups}) and its {@code schools}. */
public record Caller(String subject, Set<String> roles, Set<String> schools) {

    public static Caller of(SecurityIdentity identity) {
        String subject = identity.getPrincipal().getName();
        Set<String> schools = Set.of();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getSubject() != null) {
                subject = jwt.getSubject();
            }
            schools = schools(jwt.getClaim("schools"));
        }
        return new Caller(subject, Set.copyOf(identity.getRoles()), schools);
    }

    /** The URNs of a {@code schools} claim, which must be an array; anything else grants no school. */
    static Set<String> schools(Object claim) {
        if (claim instanceof JsonArray array) {
            return array.stream()
                    .filter(JsonString.class::isInstance)
                    .map(value -> ((JsonString) value).getString())
                    .collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }
}
