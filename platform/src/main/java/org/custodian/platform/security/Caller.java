package org.custodian.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.custodian.platform.problems.Problems;
import org.custodian.tokens.PartnerClaim;
import org.custodian.tokens.SchoolsClaim;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the token's {@code sub}, its roles (from {@code groups}) and the schools it may act for
 * (the {@code schools} claim).
 */
@RequestScoped
public class Caller {

    public static final String SCHOOLS_CLAIM = SchoolsClaim.NAME;

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    @Inject
    public Caller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public String subject() {
        return token.getSubject();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(Collection<String> roles) {
        return roles.stream().anyMatch(identity::hasRole);
    }

    /** The first of the caller's roles, in the order of {@link Roles}, for audit records. */
    public String primaryRole() {
        if (hasRole(Roles.SERVICE)) {
            return Roles.SERVICE;
        }
        if (hasRole(Roles.OPERATOR)) {
            return Roles.OPERATOR;
        }
        return Roles.PEOPLE_AND_SYSTEMS.stream()
                .filter(identity::hasRole)
                .findFirst()
                .orElse("none");
    }

    /** The schools of the {@code schools} claim ({@link SchoolsClaim}: the parser the gateway uses too). */
    public Set<String> schools() {
        return SchoolsClaim.of(token);
    }

    /**
     * The partner organisation a {@code partner} token speaks for across schools (its {@code partner_id} claim,
     * {@link PartnerClaim}), if it carries a well-formed one.
     */
    public Optional<String> partnerId() {
        return isAuthenticated() ? PartnerClaim.of(token) : Optional.empty();
    }

    public boolean actsFor(String urn) {
        return schools().contains(urn);
    }

    /**
     * The tenancy wall: a malformed URN is a 400, a school not in the caller's {@code schools} claim is a 403.
     */
    public String requireSchool(String urn) {
        SchoolUrn.require(urn);
        if (!isAuthenticated()) {
            throw Problems.unauthorized("a valid bearer token is required");
        }
        if (!actsFor(urn)) {
            throw Problems.forbidden("your token does not cover school " + urn);
        }
        return urn;
    }
}
