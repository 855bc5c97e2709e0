package org.custodian.tokens;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * The two issuers a Custodian token may come from, each verified with its own key, issuer and audience only:
 * <ul>
 *   <li>the identity provider, for people and systems ({@code mp.jwt.verify.*}): such a token never carries the role
 *       {@code service};</li>
 *   <li>service tokens ({@code custodian.service-token.*}), which one service signs to call another's internal routes:
 *       such a token carries the role {@code service} and no other.</li>
 * </ul>
 * A token goes to the issuer its {@code iss} names and is verified there in full; whatever breaks one of the two rules
 * is refused like a forged token. A deployment without {@code custodian.service-token.issuer} (the gateway) accepts no
 * service token at all. {@link VerifiedTokens} verifies with {@link #parser()} and remembers what passed.
 */
@Startup
@Singleton
public class TokenIssuers {

    /** The role only a service token carries. */
    public static final String SERVICE_ROLE = "service";

    private final JWTAuthContextInfo users;
    private final String serviceIssuer;
    private final JWTParser services;

    @Inject
    public TokenIssuers(
            JWTAuthContextInfo users,
            @ConfigProperty(name = "custodian.service-token.issuer") Optional<String> serviceIssuer,
            @ConfigProperty(name = "custodian.service-token.audience") Optional<String> serviceAudience,
            @ConfigProperty(name = "custodian.service-token.public-key.location") Optional<String> serviceKey,
            @ConfigProperty(name = "custodian.service-token.max-lifetime", defaultValue = "5m")
                    Duration serviceMaxLifetime) {
        this(users, serviceIssuer.map(issuer -> {
            String audience = serviceAudience.orElseThrow(() -> new IllegalStateException(
                    "service tokens need their own audience: set custodian.service-token.audience"));
            String key = serviceKey.orElseThrow(() -> new IllegalStateException(
                    "no key to verify service tokens with: set CUSTODIAN_SERVICE_TOKEN_PUBLIC_KEY_LOCATION"));
            return serviceContext(users, issuer, audience, key, serviceMaxLifetime);
        }));
    }

    TokenIssuers(JWTAuthContextInfo users, Optional<JWTAuthContextInfo> services) {
        services.ifPresent(context -> {
            if (context.getIssuedBy().equals(users.getIssuedBy())) {
                throw new IllegalStateException(
                        "service tokens need an issuer of their own, not " + context.getIssuedBy());
            }
            if (users.getExpectedAudience() != null
                    && context.getExpectedAudience().stream().anyMatch(users.getExpectedAudience()::contains)) {
                throw new IllegalStateException(
                        "service tokens need an audience of their own, not " + context.getExpectedAudience());
            }
        });
        this.users = users;
        this.serviceIssuer = services.map(JWTAuthContextInfo::getIssuedBy).orElse(null);
        // a factory of its own: a factory remembers the key resolver of the first key location it verified with
        this.services = services.<JWTParser>map(
                        context -> new DefaultJWTParser(context, new DefaultJWTCallerPrincipalFactory()))
                .orElse(null);
    }

    /** Service tokens: their own key, issuer and audience, the users' algorithms and clock skew, a short lifetime. */
    static JWTAuthContextInfo serviceContext(
            JWTAuthContextInfo users, String issuer, String audience, String keyLocation, Duration maxLifetime) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(keyLocation, issuer);
        context.setExpectedAudience(Set.of(audience));
        context.setSignatureAlgorithm(users.getSignatureAlgorithm());
        context.setClockSkew(users.getClockSkew());
        context.setMaxTimeToLiveSecs(maxLifetime.toSeconds());
        return context;
    }

    public boolean acceptsServiceTokens() {
        return services != null;
    }

    /** SmallRye's parser for the users' issuer, with the issuer chosen first and the role rules applied after. */
    public JWTParser parser() {
        return new DefaultJWTParser(users) {
            @Override
            public JsonWebToken parse(String bearerToken) throws ParseException {
                if (services != null && serviceIssuer.equals(claimedIssuer(bearerToken))) {
                    return serviceToken(services.parse(bearerToken));
                }
                return userToken(super.parse(bearerToken));
            }
        };
    }

    private static JsonWebToken serviceToken(JsonWebToken token) throws ParseException {
        if (!Set.of(SERVICE_ROLE).equals(token.getGroups())) {
            throw new ParseException("a service token carries the role '" + SERVICE_ROLE + "' and no other");
        }
        return token;
    }

    private static JsonWebToken userToken(JsonWebToken token) throws ParseException {
        if (token.getGroups().contains(SERVICE_ROLE)) {
            throw new ParseException("the role '" + SERVICE_ROLE + "' comes only in a service token");
        }
        return token;
    }

    /** The {@code iss} a token claims, before anything about it is verified; null when it cannot be read. */
    static String claimedIssuer(String token) {
        try {
            return new JwtConsumerBuilder()
                    .setSkipSignatureVerification()
                    .setSkipAllValidators()
                    .setDisableRequireSignature()
                    .setRelaxVerificationKeyValidation()
                    .build()
                    .processToClaims(token)
                    .getIssuer();
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            return null;
        }
    }
}
