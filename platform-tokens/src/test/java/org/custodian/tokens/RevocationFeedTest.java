package org.custodian.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the feed applies from the topic (the feed against a real broker is tested in platform-testing and the gateway). */
class RevocationFeedTest {

    private final Revocations revocations = new Revocations(3600);
    private final RevocationFeed feed = new RevocationFeed(config(), revocations, "test");

    @Test
    void theFeedConnectsWithTheKafkaAuthenticationThePartIsGiven() {
        var client = feed.consumerConfig();
        org.assertj.core.api.Assertions.assertThat(client)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .doesNotContainKey("sasl.jaas.config")
                .doesNotContainKey("group.id");
    }

    @Test
    void aRevocationEventFromConsentServiceIsApplied() {
        feed.apply(event(
                "/custodian/consent-service",
                Revocation.EVENT_TYPE,
                Revocation.ofSubject("G-17", "100001", Instant.now())));
        assertThat(revocations.held()).isEqualTo(1);
    }

    @Test
    void aRevocationFromAnyOtherSourceOrOfAnotherTypeIsIgnored() {
        feed.apply(event(
                "/custodian/sar-service", Revocation.EVENT_TYPE, Revocation.ofSubject("G-17", null, Instant.now())));
        feed.apply(event(
                "/custodian/consent-service",
                "uk.custodian.consent.granted",
                Revocation.ofSubject("G-17", null, Instant.now())));
        assertThat(revocations.held()).isZero();
    }

    @Test
    void anUnreadableRecordIsSkipped() {
        assertThatCode(() -> {
                    feed.apply("not json");
                    feed.apply("[]");
                    feed.apply(null);
                    feed.apply(
                            "{\"type\":\"" + Revocation.EVENT_TYPE + "\",\"source\":\"/custodian/consent-service\"}");
                    feed.apply("{\"type\":\"" + Revocation.EVENT_TYPE
                            + "\",\"source\":\"/custodian/consent-service\",\"data\":{\"subject\":\"\"}}");
                })
                .doesNotThrowAnyException();
        assertThat(revocations.held()).isZero();
    }

    static String event(String source, String type, Revocation revocation) {
        return "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"" + source + "\",\"type\":\"" + type
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + revocation.toJson() + "}";
    }

    static TokensConfig config() {
        return new TokensConfig() {
            @Override
            public Duration maxLifetime() {
                return Duration.ofHours(12);
            }

            @Override
            public Feed revocations() {
                return new Feed() {
                    @Override
                    public boolean enabled() {
                        return true;
                    }

                    @Override
                    public String bootstrapServers() {
                        return "localhost:1";
                    }

                    @Override
                    public String topic() {
                        return Revocation.TOPIC;
                    }

                    @Override
                    public String source() {
                        return "/custodian/consent-service";
                    }

                    @Override
                    public Duration startupWait() {
                        return Duration.ofSeconds(1);
                    }

                    @Override
                    public java.util.Optional<String> securityProtocol() {
                        return java.util.Optional.of("SASL_SSL");
                    }

                    @Override
                    public java.util.Optional<String> saslMechanism() {
                        return java.util.Optional.of("SCRAM-SHA-512");
                    }

                    @Override
                    public java.util.Optional<String> saslJaasConfig() {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public java.util.Optional<String> sslTruststoreType() {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public java.util.Optional<String> sslTruststoreLocation() {
                        return java.util.Optional.empty();
                    }
                };
            }
        };
    }
}
