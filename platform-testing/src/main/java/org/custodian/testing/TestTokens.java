package org.custodian.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Mints real RS256 tokens with the test-only keys: any role, schools, subject and lifetime, signed as the identity
 * provider; or a service token, signed with the service-token key for its own issuer and audience.
 *
 * <pre>{@code
 * String token = TestTokens.role("parent").school("100001").subject("G-17").mint();
 * String internal = TestTokens.service().school("100001").mint();
 * }</pre>
 */
public final class TestTokens {

    private final Set<String> roles;
    private List<String> schools = new ArrayList<>();
    private String subject = "user-" + UUID.randomUUID();
    private String issuer = TestKeys.ISSUER;
    private String audience = TestKeys.AUDIENCE;
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofHours(1);
    private PrivateKey key = TestKeys.signingKey();
    private String tokenId = UUID.randomUUID().toString();
    private String partnerId;

    private TestTokens(Set<String> roles) {
        this.roles = roles;
    }

    public static TestTokens role(String... roles) {
        return new TestTokens(Set.of(roles));
    }

    /** A service token as {@code ServiceTokens} mints one: role {@code service}, a minute, the service-token key. */
    public static TestTokens service() {
        return role("service").serviceIssued().subject("service:test").lifetime(Duration.ofMinutes(1));
    }

    /** Signed with the service-token key, for the service tokens' issuer and audience (whatever the roles). */
    public TestTokens serviceIssued() {
        this.issuer = TestKeys.SERVICE_ISSUER;
        this.audience = TestKeys.SERVICE_AUDIENCE;
        return signedWith(TestKeys.serviceSigningKey());
    }

    public TestTokens signedWith(PrivateKey key) {
        this.key = key;
        return this;
    }

    /** A ready {@code Authorization} header value for a role acting for one school. */
    public static String bearer(String role, String school) {
        return "Bearer " + role(role).school(school).mint();
    }

    public TestTokens school(String... urns) {
        schools.addAll(List.of(urns));
        return this;
    }

    public TestTokens noSchools() {
        schools = new ArrayList<>();
        return this;
    }

    /** The {@code partner_id} claim: the partner organisation the token speaks for (none unless set). */
    public TestTokens partnerId(String partnerId) {
        this.partnerId = partnerId;
        return this;
    }

    public TestTokens subject(String sub) {
        this.subject = sub;
        return this;
    }

    public TestTokens issuer(String iss) {
        this.issuer = iss;
        return this;
    }

    public TestTokens audience(String aud) {
        this.audience = aud;
        return this;
    }

    public TestTokens issuedAt(Instant iat) {
        this.issuedAt = iat;
        return this;
    }

    public TestTokens lifetime(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    /** The token's {@code jti} (a fresh UUID unless set). */
    public TestTokens tokenId(String jti) {
        this.tokenId = jti;
        return this;
    }

    public String mint() {
        return claims().sign(key);
    }

    public String bearer() {
        return "Bearer " + mint();
    }

    JwtClaimsBuilder claims() {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(subject)
                .groups(roles)
                .claim("schools", List.copyOf(schools))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime))
                .claim("jti", tokenId);
        if (audience != null) {
            claims.audience(audience);
        }
        if (partnerId != null) {
            claims.claim("partner_id", partnerId);
        }
        return claims;
    }
}
