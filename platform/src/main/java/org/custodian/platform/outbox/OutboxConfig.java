package org.custodian.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

@ConfigMapping(prefix = "custodian.outbox")
public interface OutboxConfig {

    /** Whether this replica runs a relay. Several replicas may; they claim disjoint rows. */
    @WithName("relay.enabled")
    @WithDefault("true")
    boolean relayEnabled();

    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    @WithName("bootstrap-servers")
    String bootstrapServers();

    @WithDefault("500")
    int batchSize();

    /** How long the relay sleeps when nothing woke it; a commit that appended an event wakes it at once. */
    @WithDefault("1s")
    Duration pollInterval();

    /** First back-off after a failed batch; it doubles up to {@link #maxBackoff()} while Kafka stays down. */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** How long one send may take before the batch is released for a later attempt. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Published rows older than this are purged. */
    @WithDefault("7d")
    Duration retention();
}
