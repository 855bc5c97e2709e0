package org.custodian.retention.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.outbox.Outbox;

/** Appends retention events to the outbox, in the caller's transaction, about a pupil or about the school. */
@ApplicationScoped
public class RetentionEventSink {

    private final EventSource source;
    private final Outbox outbox;

    public RetentionEventSink(EventSource source, Outbox outbox) {
        this.source = source;
        this.outbox = outbox;
    }

    public void emit(String type, String schoolUrn, String pupilId, Object payload) {
        outbox.append(
                pupilId == null
                        ? source.aboutSchool(type, schoolUrn, CloudEventCodec.toData(payload))
                        : source.aboutPupil(type, schoolUrn, pupilId, CloudEventCodec.toData(payload)));
    }
}
