package org.custodian.platform.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Short-lived tokens with which one Custodian service calls another directly (never through the gateway), for
 * example sar-service asking consent-service for a child's export. They carry the role {@code service}, the calling
 * service as {@code sub} and exactly the one school the call is about. The signing key comes from configuration
 * ({@code smallrye.jwt.sign.key.location}).
 */
@ApplicationScoped
public class ServiceTokens {

    private final String issuer;
    private final String audience;
    private final String serviceName;
    private final Duration lifetime;

    public ServiceTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                         @ConfigProperty(name = "mp.jwt.verify.audiences") List<String> audiences,
                         @ConfigProperty(name = "quarkus.application.name") String serviceName,
                         @ConfigProperty(name = "custodian.service-token.lifetime", defaultValue = "60s") Duration lifetime) {
        this.issuer = issuer;
        this.audience = audiences.get(0);
        this.serviceName = serviceName;
        this.lifetime = lifetime;
    }

    /** A bearer token for a call about one school. */
    public String forSchool(String urn) {
        SchoolUrn.require(urn);
        Instant now = Instant.now();
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject("service:" + serviceName)
                .groups(Set.of(Roles.SERVICE))
                .claim(Caller.SCHOOLS_CLAIM, List.of(urn))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .sign();
    }

    /** The value of an {@code Authorization} header carrying {@link #forSchool(String)}. */
    public String authorizationFor(String urn) {
        return "Bearer " + forSchool(urn);
    }
}
