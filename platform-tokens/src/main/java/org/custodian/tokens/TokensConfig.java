package org.custodian.tokens;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The token rules every service and the gateway share, under {@code custodian.tokens}. */
@ConfigMapping(prefix = "custodian.tokens")
public interface TokensConfig {

    /** The longest a token may be valid, {@code exp - iat}; a token valid for longer is refused. */
    @WithDefault("12h")
    Duration maxLifetime();

    Feed revocations();

    interface Feed {
        /** Off only where there is no Kafka at all; then nothing can be revoked. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
        String bootstrapServers();

        @WithDefault(Revocation.TOPIC)
        String topic();

        /** The one producer trusted on the topic (the CloudEvents {@code source} of consent-service). */
        @WithDefault("/custodian/consent-service")
        String source();

        /** How long start-up waits to have read every revocation before it goes on (readiness stays DOWN until then). */
        @WithDefault("10s")
        Duration startupWait();

        /**
         * The feed's Kafka authentication and TLS, the same as the service's own Kafka clients ({@code kafka.*}, from
         * {@code KAFKA_*}; deploy/k8s: SCRAM over TLS). Absent locally.
         */
        @WithDefault("${kafka.security.protocol:}")
        Optional<String> securityProtocol();

        @WithDefault("${kafka.sasl.mechanism:}")
        Optional<String> saslMechanism();

        @WithDefault("${kafka.sasl.jaas.config:}")
        Optional<String> saslJaasConfig();

        @WithDefault("${kafka.ssl.truststore.type:}")
        Optional<String> sslTruststoreType();

        @WithDefault("${kafka.ssl.truststore.location:}")
        Optional<String> sslTruststoreLocation();
    }
}
