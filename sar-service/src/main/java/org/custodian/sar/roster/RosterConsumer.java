package org.custodian.sar.roster;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the roster projection current from {@code custodian.roster.v1}: each event once, poison to the dead-letter topic. */
@ApplicationScoped
public class RosterConsumer {

    public static final String NAME = "sar-roster-projection";

    private final IdempotentConsumer idempotent;
    private final Roster roster;

    @Inject
    public RosterConsumer(IdempotentConsumer idempotent, Roster roster) {
        this.idempotent = idempotent;
        this.roster = roster;
    }

    @Incoming("roster")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        idempotent.apply(NAME, record, roster::apply);
    }
}
