package org.custodian.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.custodian.tokens.Revocation;

/**
 * Token revocations on the test broker, as consent-service publishes them ({@code uk.custodian.token.revoked} from
 * {@code /custodian/consent-service} on {@code custodian.revocations.v1}). {@link KafkaResource} publishes the two
 * behind {@link BadTokens#REVOKED_TOKEN_ID} and {@link BadTokens#REVOKED_SUBJECT} as soon as the broker runs, before
 * any application starts: a token id and a subject revoked for every school.
 */
public final class TestRevocations {

    public static final String TOKEN_ID = "revoked-by-the-test-kit";
    public static final String SUBJECT = "revoked-by-the-test-kit";
    public static final String SOURCE = "/custodian/consent-service";

    private TestRevocations() {}

    /** The bad-token table's revocations (the subject's tokens are minted as issued hours before). */
    static List<Revocation> table() {
        Instant now = Instant.now();
        return List.of(Revocation.ofTokenId(TOKEN_ID, null, now), Revocation.ofSubject(SUBJECT, null, now));
    }

    /** Publishes revocations to the test broker and waits until it has them. */
    public static void publish(Revocation... revocations) {
        publish(KafkaResource.bootstrapServers(), List.of(revocations));
    }

    /** Sends records (CloudEvents or anything else) to the revocations topic of the test broker. */
    public static void send(String... records) {
        send(KafkaResource.bootstrapServers(), List.of(records));
    }

    static void publish(String bootstrapServers, List<Revocation> revocations) {
        send(bootstrapServers, revocations.stream().map(TestRevocations::event).toList());
    }

    private static void send(String bootstrapServers, List<String> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()))) {
            for (String record : records) {
                producer.send(new ProducerRecord<>(Revocation.TOPIC, record)).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish revocations", e);
        }
    }

    /** A structured CloudEvent carrying a revocation, from consent-service unless {@code source} says otherwise. */
    public static String event(Revocation revocation, String source) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"" + source
                + "\",\"type\":\"" + Revocation.EVENT_TYPE + "\",\"time\":\"" + revocation.revokedAt()
                + "\",\"datacontenttype\":\"application/json\""
                + (revocation.school() == null ? "" : ",\"schoolurn\":\"" + revocation.school() + "\"")
                + ",\"data\":" + revocation.toJson() + "}";
    }

    static String event(Revocation revocation) {
        return event(revocation, SOURCE);
    }
}
