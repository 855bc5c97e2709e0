package org.custodian.accountability.fact;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the facts the privacy notice and the record of processing are made of from their owners' topics: the school's
 * profile (roster), purposes (consent), recipients and agreements (sharing), the retention schedule (retention). Each
 * event is applied once (the inbox records its id with the effect); an invalid one goes to
 * {@code custodian.dlq.accountability-service}.
 */
@ApplicationScoped
public class FactConsumer {

    public static final String NAME = "accountability-facts";

    private final IdempotentConsumer idempotent;
    private final FactService facts;

    FactConsumer(IdempotentConsumer idempotent, FactService facts) {
        this.idempotent = idempotent;
        this.facts = facts;
    }

    @Incoming("roster-facts")
    @Blocking(ordered = true)
    public void roster(ConsumerRecord<String, String> record) {
        idempotent.apply(NAME, record, FactService::reads, facts::apply);
    }

    @Incoming("consent-facts")
    @Blocking(ordered = true)
    public void consent(ConsumerRecord<String, String> record) {
        idempotent.apply(NAME, record, FactService::reads, facts::apply);
    }

    @Incoming("sharing-facts")
    @Blocking(ordered = true)
    public void sharing(ConsumerRecord<String, String> record) {
        idempotent.apply(NAME, record, FactService::reads, facts::apply);
    }

    @Incoming("retention-facts")
    @Blocking(ordered = true)
    public void retention(ConsumerRecord<String, String> record) {
        idempotent.apply(NAME, record, FactService::reads, facts::apply);
    }
}
