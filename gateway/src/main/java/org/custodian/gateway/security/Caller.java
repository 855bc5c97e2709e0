package org.custodian.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import org.custodian.tokens.SchoolsClaim;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the verified token says: its subject, its roles ({@code groups}) and its {@code schools}, read
 * by the parser every service uses too ({@link SchoolsClaim}).
 */
public record Caller(String subject, Set<String> roles, Set<String> schools) {

    public static Caller of(SecurityIdentity identity) {
        String subject = identity.getPrincipal().getName();
        Set<String> schools = Set.of();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getSubject() != null) {
                subject = jwt.getSubject();
            }
            schools = SchoolsClaim.of(jwt);
        }
        return new Caller(subject, Set.copyOf(identity.getRoles()), schools);
    }
}
