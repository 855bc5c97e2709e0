package org.custodian.sar.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RightsEvents;
import org.custodian.platform.events.Topics;
import org.custodian.platform.outbox.Outbox;

/**
 * Appends sar-service's events on {@code custodian.rights.v1} to the outbox, in the transaction of the change they
 * describe.
 */
@ApplicationScoped
public class RightsEventPublisher {

    private final Outbox outbox;
    private final EventSource source;

    @Inject
    public RightsEventPublisher(Outbox outbox, EventSource source) {
        this.outbox = outbox;
        this.source = source;
    }

    public void received(RightsRequest r) {
        if (r.type() == RequestType.COMPLAINT) {
            publish(
                    r,
                    EventTypes.COMPLAINT_RECEIVED,
                    new RightsEvents.ComplaintReceived(
                            r.id().toString(), r.subject().pupilId(), r.receivedOn(), r.acknowledgeBy()));
        } else {
            publish(
                    r,
                    EventTypes.REQUEST_RECEIVED,
                    new RightsEvents.RequestReceived(
                            r.id().toString(),
                            r.type().name(),
                            r.subject().pupilId(),
                            r.subject().guardianId(),
                            r.receivedOn(),
                            r.dueOn()));
        }
    }

    public void closed(RightsRequest r) {
        publish(
                r,
                EventTypes.REQUEST_COMPLETED,
                new RightsEvents.RequestCompleted(
                        r.id().toString(),
                        r.type().name(),
                        r.subject().pupilId(),
                        r.closedOn(),
                        r.status().name()));
    }

    public void publish(RightsRequest r, String type, Object payload) {
        CloudEvent event =
                source.about(type, r.schoolUrn(), r.subject().path(r.schoolUrn()), CloudEventCodec.toData(payload));
        outbox.append(Topics.RIGHTS, event);
    }
}
