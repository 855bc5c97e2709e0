package org.custodian.retention.subject;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.inbox.IdempotentConsumer;
import org.custodian.retention.holding.DueService;
import org.custodian.retention.schedule.DefaultAnnouncementService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Projects {@code custodian.roster.v1}: a pupil's date of birth and leaving date, from {@code pupil.enrolled},
 * {@code pupil.updated} and {@code pupil.left}; the pupil's holdings are re-dated in the same transaction. A
 * {@code school.updated} is how retention-service learns of a school: its default schedule is announced, once
 * ({@link DefaultAnnouncementService}).
 */
@ApplicationScoped
public class RosterConsumer {

    public static final String NAME = "retention-roster";

    private final IdempotentConsumer idempotent;
    private final DueService due;
    private final DefaultAnnouncementService defaults;

    public RosterConsumer(IdempotentConsumer idempotent, DueService due, DefaultAnnouncementService defaults) {
        this.idempotent = idempotent;
        this.due = due;
        this.defaults = defaults;
    }

    @Incoming("roster")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        idempotent.apply(NAME, record, this::apply);
    }

    void apply(CloudEvent event) {
        String urn = EventChecks.school(event);
        switch (event.type()) {
            case EventTypes.PUPIL_ENROLLED, EventTypes.PUPIL_UPDATED -> {
                RosterEvents.PupilChanged pupil = CloudEventCodec.data(event, RosterEvents.PupilChanged.class);
                EventChecks.pupil(event, pupil.pupilId());
                due.pupilChanged(urn, pupil.pupilId(), pupil.dateOfBirth(), pupil.leavingDate(), pupil.onRoll());
            }
            case EventTypes.PUPIL_LEFT -> {
                RosterEvents.PupilLeft left = CloudEventCodec.data(event, RosterEvents.PupilLeft.class);
                EventChecks.pupil(event, left.pupilId());
                if (left.leavingDate() == null) {
                    throw new InvalidEventException("pupil.left " + event.id() + " has no leavingDate");
                }
                due.pupilLeft(urn, left.pupilId(), left.leavingDate());
            }
            case EventTypes.SCHOOL_UPDATED -> defaults.announceOnce(urn);
            default -> {
                // guardian events do not move due dates
            }
        }
    }
}
