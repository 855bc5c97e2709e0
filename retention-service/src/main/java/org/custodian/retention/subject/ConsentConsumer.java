package org.custodian.retention.subject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.inbox.IdempotentConsumer;
import org.custodian.retention.holding.DueRecalculation;
import org.custodian.retention.support.Today;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Projects {@code custodian.consent.v1}: a {@code consent.withdrawn} that leaves the pupil's effective status for the
 * purpose other than {@code GRANTED} makes the pupil's holdings of {@code CONSENT_WITHDRAWN} classes naming that
 * purpose due; a later {@code consent.granted} (effective {@code GRANTED}) takes the withdrawal back for records not
 * yet approved for disposal.
 */
@ApplicationScoped
public class ConsentConsumer {

    public static final String NAME = "retention-consent";
    static final String GRANTED = "GRANTED";

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    SubjectFactsStore facts;

    @Inject
    DueRecalculation recalculation;

    @Inject
    Today today;

    @Incoming("consent")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        idempotent.apply(NAME, record, this::apply);
    }

    void apply(CloudEvent event) {
        if (!event.type().equals(EventTypes.CONSENT_WITHDRAWN) && !event.type().equals(EventTypes.CONSENT_GRANTED)) {
            return;
        }
        String urn = EventChecks.school(event);
        ConsentEvents.DecisionRecorded decision = CloudEventCodec.data(event, ConsentEvents.DecisionRecorded.class);
        EventChecks.pupil(event, decision.pupilId());
        if (decision.purpose() == null || decision.purpose().isBlank()) {
            throw new InvalidEventException(event.type() + " " + event.id() + " names no purpose");
        }
        boolean changed;
        if (event.type().equals(EventTypes.CONSENT_WITHDRAWN)) {
            changed = !GRANTED.equals(decision.effectiveStatus());
            if (changed) {
                facts.consentWithdrawn(
                        urn,
                        decision.pupilId(),
                        decision.purpose(),
                        EventChecks.day(event, decision.recordedAt(), today));
            }
        } else {
            changed = GRANTED.equals(decision.effectiveStatus())
                    && facts.consentGiven(urn, decision.pupilId(), decision.purpose());
        }
        if (changed) {
            recalculation.forPupil(urn, decision.pupilId());
        }
    }
}
