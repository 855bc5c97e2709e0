package org.custodian.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relay connects to Kafka as the service's own Kafka user: it takes exactly the client's authentication and TLS. */
class OutboxClientSecurityTest {

    @Test
    void theRelayTakesTheServicesKafkaAuthenticationAndNothingElse() {
        Map<String, Object> kafkaClient = Map.of(
                "bootstrap.servers", "custodian-kafka-bootstrap:9093",
                "group.id", "sar-service",
                "acks", "1",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"sar-service\" password=\"x\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/kafka-ca/ca.crt",
                "ssl.keystore.location", "");
        assertThat(OutboxRelay.clientSecurity(kafkaClient))
                .containsOnlyKeys(
                        "security.protocol",
                        "sasl.mechanism",
                        "sasl.jaas.config",
                        "ssl.truststore.type",
                        "ssl.truststore.location");
    }

    @Test
    void withoutAuthenticationTheRelayAddsNothing() {
        assertThat(OutboxRelay.clientSecurity(Map.of("bootstrap.servers", "localhost:9092", "group.id", "x")))
                .isEmpty();
    }
}
