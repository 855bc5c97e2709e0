package org.custodian.tokens;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shared token rules and this replica's revocations, from {@link TokensConfig} and SmallRye's clock skew. */
@Dependent
public class TokenBeans {

    @Produces
    @Singleton
    TokenRules tokenRules(TokensConfig config, JWTAuthContextInfo context) {
        return new TokenRules(config.maxLifetime(), context.getClockSkew());
    }

    @Produces
    @Singleton
    Revocations revocations(TokenRules rules, JWTAuthContextInfo context) {
        return new Revocations(rules.maxLifetimeSeconds() + context.getClockSkew());
    }
}
