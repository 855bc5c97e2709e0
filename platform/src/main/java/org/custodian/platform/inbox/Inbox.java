package org.custodian.platform.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.custodian.platform.jdbc.Jdbc;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The processed-event table: which events each consumer has already applied. */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            INSERT INTO inbox_event (consumer, event_id, event_type) VALUES (?, ?, ?)
            ON CONFLICT (consumer, event_id) DO NOTHING
            """;
    private static final String PURGE = "DELETE FROM inbox_event WHERE processed_at < now() - make_interval(secs => ?)";

    private final Jdbc jdbc;
    private final Duration retention;

    @Inject
    public Inbox(
            Jdbc jdbc, @ConfigProperty(name = "custodian.inbox.retention", defaultValue = "30d") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /**
     * Records that {@code consumer} applies {@code eventId} in the current transaction.
     *
     * @return true the first time; false when the event was applied before (a redelivery to ignore)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId, String eventType) {
        return jdbc.update(RECORD, consumer, eventId, eventType) == 1;
    }

    /** Forgets processed ids long after Kafka could redeliver them. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        jdbc.update(PURGE, (double) retention.toSeconds());
    }
}
