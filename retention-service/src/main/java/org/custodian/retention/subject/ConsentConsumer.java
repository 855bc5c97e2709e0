package org.custodian.retention.subject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.inbox.IdempotentConsumer;
import org.custodian.retention.holding.DueService;
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

    private final IdempotentConsumer idempotent;
    private final DueService due;
    private final Clock clock;

    public ConsentConsumer(IdempotentConsumer idempotent, DueService due, Clock clock) {
        this.idempotent = idempotent;
        this.due = due;
        this.clock = clock;
    }

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
        if (event.type().equals(EventTypes.CONSENT_WITHDRAWN)) {
            if (!GRANTED.equals(decision.effectiveStatus())) {
                due.consentWithdrawn(
                        urn,
                        decision.pupilId(),
                        decision.purpose(),
                        EventChecks.day(event, decision.recordedAt(), clock));
            }
        } else if (GRANTED.equals(decision.effectiveStatus())) {
            due.consentGiven(urn, decision.pupilId(), decision.purpose());
        }
    }
}
