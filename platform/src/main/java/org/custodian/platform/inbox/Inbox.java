package org.custodian.platform.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The processed-event table: which events each consumer has already applied. */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            INSERT INTO inbox_event (consumer, event_id, event_type) VALUES (?, ?, ?)
            ON CONFLICT (consumer, event_id) DO NOTHING
            """;

    private final DataSource dataSource;

    @ConfigProperty(name = "custodian.inbox.retention", defaultValue = "30d")
    Duration retention;

    @Inject
    public Inbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records that {@code consumer} applies {@code eventId} in the current transaction.
     *
     * @return true the first time; false when the event was applied before (a redelivery to ignore)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId, String eventType) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.setString(3, eventType);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + eventId + " for " + consumer, e);
        }
    }

    /** Forgets processed ids long after Kafka could redeliver them. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement purge =
                        connection.prepareStatement("DELETE FROM inbox_event WHERE processed_at < ?")) {
            purge.setObject(1, OffsetDateTime.now().minus(retention));
            purge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge the inbox", e);
        }
    }
}
