package org.custodian.platform.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived tokens with which one Custodian service calls another's internal routes directly (never through the
 * gateway), for example sar-service asking consent-service for a child's export. They carry the role {@code service}
 * and nothing else, the calling service as {@code sub} and exactly the one school the call is about, and they have an
 * issuer, audience and key of their own ({@code custodian.service-token.*}): the services accept them on their
 * internal routes only, the gateway not at all, and the key cannot sign a person's token that anything accepts.
 */
@ApplicationScoped
public class ServiceTokens {

    private final String issuer;
    private final String audience;
    private final Optional<String> keyLocation;
    private final Optional<String> keyId;
    private final String serviceName;
    private final Duration lifetime;
    private volatile PrivateKey key;

    public ServiceTokens(
            @ConfigProperty(name = "custodian.service-token.issuer") String issuer,
            @ConfigProperty(name = "custodian.service-token.audience") String audience,
            @ConfigProperty(name = "custodian.service-token.private-key.location") Optional<String> keyLocation,
            @ConfigProperty(name = "custodian.service-token.key-id") Optional<String> keyId,
            @ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "custodian.service-token.lifetime", defaultValue = "60s") Duration lifetime) {
        this.issuer = issuer;
        this.audience = audience;
        this.keyLocation = keyLocation;
        this.keyId = keyId;
        this.serviceName = serviceName;
        this.lifetime = lifetime;
    }

    /** A bearer token for a call about one school. */
    public String forSchool(String urn) {
        SchoolUrn.require(urn);
        // a token is checked against the verifier's real clock, never a service's movable one
        Instant now = Instant.now();
        var claims = Jwt.issuer(issuer)
                .audience(audience)
                .subject("service:" + serviceName)
                .groups(Set.of(Roles.SERVICE))
                .claim(Caller.SCHOOLS_CLAIM, List.of(urn))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws();
        keyId.ifPresent(claims::keyId);
        return claims.sign(key());
    }

    /** The value of an {@code Authorization} header carrying {@link #forSchool(String)}. */
    public String authorizationFor(String urn) {
        return "Bearer " + forSchool(urn);
    }

    private PrivateKey key() {
        PrivateKey loaded = key;
        if (loaded == null) {
            String location = keyLocation.orElseThrow(() -> new IllegalStateException(
                    "no key to sign service tokens with: set CUSTODIAN_SERVICE_TOKEN_PRIVATE_KEY_LOCATION"));
            try {
                loaded = (PrivateKey) KeyUtils.readSigningKey(location, keyId.orElse(null));
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the service-token key at " + location, e);
            }
            if (loaded == null) {
                throw new IllegalStateException("no RS256 private key at " + location);
            }
            key = loaded;
        }
        return loaded;
    }
}
