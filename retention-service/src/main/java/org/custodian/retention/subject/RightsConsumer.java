package org.custodian.retention.subject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.events.RightsEvents;
import org.custodian.platform.inbox.IdempotentConsumer;
import org.custodian.retention.holding.DueService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Projects {@code custodian.rights.v1}: an {@code erasure.approved} brings the pupil's consent-based holdings forward
 * (due for destruction on the day of approval) and leaves legal-obligation holdings in place with the reason noted
 * on each; the outcome is written to the audit log.
 */
@ApplicationScoped
public class RightsConsumer {

    public static final String NAME = "retention-rights";

    private final IdempotentConsumer idempotent;
    private final DueService due;
    private final Clock clock;

    public RightsConsumer(IdempotentConsumer idempotent, DueService due, Clock clock) {
        this.idempotent = idempotent;
        this.due = due;
        this.clock = clock;
    }

    @Incoming("rights")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        idempotent.apply(NAME, record, this::apply);
    }

    void apply(CloudEvent event) {
        if (!event.type().equals(EventTypes.ERASURE_APPROVED)) {
            return;
        }
        String urn = EventChecks.school(event);
        RightsEvents.ErasureApproved erasure = CloudEventCodec.data(event, RightsEvents.ErasureApproved.class);
        EventChecks.pupil(event, erasure.pupilId());
        if (erasure.requestId() == null || erasure.requestId().isBlank()) {
            throw new InvalidEventException("erasure.approved " + event.id() + " names no request");
        }
        due.erasureApproved(
                event.id(),
                urn,
                erasure.pupilId(),
                erasure.requestId(),
                EventChecks.day(event, null, clock),
                erasure.consentBasedOnly(),
                erasure.categories(),
                erasure.reason());
    }
}
