package org.custodian.retention.subject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
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
 * Projects {@code custodian.consent.v1} ({@link ConsentChangeRules}): an event that leaves the pupil's effective status
 * for a purpose other than {@code GRANTED} — consent refused, withdrawn or expired — makes the pupil's holdings of
 * {@code CONSENT_WITHDRAWN} classes naming that purpose due; an event whose effective status is {@code GRANTED} takes
 * that back for records not yet approved for disposal.
 */
@ApplicationScoped
public class ConsentConsumer {

    public static final String NAME = "retention-consent";

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
        if (!ConsentChangeRules.TYPES.contains(event.type())) {
            return;
        }
        String urn = EventChecks.school(event);
        String pupilId;
        String purpose;
        String status;
        LocalDate day;
        if (event.type().equals(EventTypes.CONSENT_EXPIRED)) {
            ConsentEvents.Expired expired = CloudEventCodec.data(event, ConsentEvents.Expired.class);
            pupilId = expired.pupilId();
            purpose = expired.purpose();
            status = expired.effectiveStatus();
            day = ConsentChangeRules.expiredOn(expired.validUntil(), EventChecks.day(event, null, clock));
        } else {
            ConsentEvents.DecisionRecorded decision = CloudEventCodec.data(event, ConsentEvents.DecisionRecorded.class);
            pupilId = decision.pupilId();
            purpose = decision.purpose();
            status = decision.effectiveStatus();
            day = EventChecks.day(event, decision.recordedAt(), clock);
        }
        EventChecks.pupil(event, pupilId);
        if (purpose == null || purpose.isBlank()) {
            throw new InvalidEventException(event.type() + " " + event.id() + " names no purpose");
        }
        ConsentChangeRules.Change change = ConsentChangeRules.of(event.type(), status, day);
        switch (change.kind()) {
            case ENDED -> due.consentEnded(urn, pupilId, purpose, change.on(), change.how());
            case GIVEN -> due.consentGiven(urn, pupilId, purpose);
            case NONE -> {}
        }
    }
}
