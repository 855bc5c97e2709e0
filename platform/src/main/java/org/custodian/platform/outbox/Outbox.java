package org.custodian.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;

/**
 * Appends domain events to the transactional outbox. An event is written in the caller's transaction,
 * so it is published if and only if the state change it describes commits.
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE_REGISTERED = Outbox.class.getName() + ".wake";

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, event_key, event_type, school_urn, payload)
            VALUES (?, ?, ?, ?, ?, ?)
            """;

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    @Inject
    public Outbox(DataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Appends an event to the topic that carries its type (DESIGN.md §4). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(CloudEvent event) {
        append(EventTypes.topicOf(event.type()), event);
    }

    /** Appends many events (each to the topic that carries its type) in one JDBC batch, in list order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<CloudEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (CloudEvent event : events) {
                bind(insert, EventTypes.topicOf(event.type()), event);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append " + events.size() + " events to the outbox", e);
        }
        wakeRelayAfterCommit();
    }

    /** Appends an event to a named topic, keyed by {@link CloudEvent#partitionKey()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, CloudEvent event) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, topic, event);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append event " + event.type() + " to the outbox", e);
        }
        wakeRelayAfterCommit();
    }

    private static void bind(PreparedStatement insert, String topic, CloudEvent event) throws SQLException {
        try {
            insert.setObject(1, UUID.fromString(event.id()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outbox event ids are UUIDs, not " + event.id(), e);
        }
        insert.setString(2, topic);
        insert.setString(3, event.partitionKey());
        insert.setString(4, event.type());
        insert.setString(5, event.schoolurn());
        insert.setString(6, CloudEventCodec.toJson(event));
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
