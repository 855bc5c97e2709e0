package org.custodian.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts one real in-process Kafka broker per test JVM and points the service at it. The broker outlives single
 * test classes (Quarkus may restart the application between them) and stops when the JVM exits. It starts with the
 * bad-token table's revocations on it ({@link TestRevocations}), so that every application refuses
 * {@link BadTokens#REVOKED_TOKEN_ID} and {@link BadTokens#REVOKED_SUBJECT} from its first request.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    /** Quarkus may load this class in several class loaders; a system property lets them share one broker. */
    private static final String SHARED = "custodian.test.kafka.bootstrap";

    public static String bootstrapServers() {
        synchronized (System.class) {
            String running = System.getProperty(SHARED);
            if (running == null) {
                KafkaBroker broker = KafkaBroker.start();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-test-broker-stop"));
                running = broker.bootstrapServers();
                TestRevocations.publish(running, TestRevocations.table());
                System.setProperty(SHARED, running);
            }
            return running;
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // the broker is shared by every application started in this JVM; the shutdown hook stops it
    }
}
