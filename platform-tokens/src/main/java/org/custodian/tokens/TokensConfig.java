package org.custodian.tokens;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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
    }
}
