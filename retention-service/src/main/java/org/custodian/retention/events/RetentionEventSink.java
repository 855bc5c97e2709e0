package org.custodian.retention.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.Topics;
import org.custodian.platform.outbox.Outbox;

/** Appends retention events to the outbox, in the caller's transaction, about a pupil or about the school. */
@ApplicationScoped
public class RetentionEventSink {

    public static final String SOURCE = Topics.RETENTION_SERVICE;

    private final Outbox outbox;

    @Inject
    public RetentionEventSink(Outbox outbox) {
        this.outbox = outbox;
    }

    public void emit(String type, String schoolUrn, String pupilId, Object payload) {
        CloudEvent event = pupilId == null
                ? CloudEvent.aboutSchool(SOURCE, type, schoolUrn, CloudEventCodec.toData(payload))
                : CloudEvent.aboutPupil(SOURCE, type, schoolUrn, pupilId, CloudEventCodec.toData(payload));
        outbox.append(event);
    }
}
