package org.custodian.gateway.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.custodian.tokens.TokenIssuers;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a gateway that could not verify a token, that would trust service tokens (they are for one
 * service calling another's internal routes, never for anything from outside), or that would let any web site call it
 * with credentials.
 */
@ApplicationScoped
public class StartupChecks {

    void check(@Observes StartupEvent started, Config config, TokenIssuers issuers) {
        boolean hasKey =
                config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent()
                        || config.getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                                .isPresent()
                        || config.getOptionalValue("smallrye.jwt.verify.key.location", String.class)
                                .isPresent();
        if (!hasKey) {
            throw new IllegalStateException("no key to verify tokens with: set MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
        serviceTokenProblem(issuers.acceptsServiceTokens()).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        corsProblem(
                        config.getOptionalValues("quarkus.http.cors.origins", String.class)
                                .orElse(List.of()),
                        config.getOptionalValue("quarkus.http.cors.access-control-allow-credentials", Boolean.class)
                                .orElse(false))
                .ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                });
    }

    static Optional<String> serviceTokenProblem(boolean acceptsServiceTokens) {
        return acceptsServiceTokens
                ? Optional.of(
                        "the gateway never trusts service tokens: unset CUSTODIAN_SERVICE_TOKEN_ISSUER and its key")
                : Optional.empty();
    }

    static Optional<String> corsProblem(List<String> origins, boolean allowCredentials) {
        if (allowCredentials
                && origins.stream().anyMatch(origin -> origin.trim().equals("*"))) {
            return Optional.of(
                    "CORS: origin '*' cannot be combined with credentials; list the allowed origins in CUSTODIAN_CORS_ORIGINS");
        }
        return Optional.empty();
    }
}
