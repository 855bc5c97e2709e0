package org.custodian.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.jdbc.Jdbc;

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

    private final Jdbc jdbc;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    @Inject
    public Outbox(Jdbc jdbc, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.jdbc = jdbc;
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
        jdbc.batch(
                INSERT,
                events.stream()
                        .map(event -> row(EventTypes.topicOf(event.type()), event))
                        .toList());
        wakeRelayAfterCommit();
    }

    /** Appends an event to a named topic, keyed by {@link CloudEvent#partitionKey()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, CloudEvent event) {
        jdbc.update(INSERT, row(topic, event));
        wakeRelayAfterCommit();
    }

    private static Object[] row(String topic, CloudEvent event) {
        UUID id;
        try {
            id = UUID.fromString(event.id());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outbox event ids are UUIDs, not " + event.id(), e);
        }
        return new Object[] {
            id, topic, event.partitionKey(), event.type(), event.schoolurn(), CloudEventCodec.toJson(event)
        };
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
