package org.custodian.retention.subject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.time.LegalTime;

/** What every consumed event must carry; an event without it is a poison message for the dead-letter topic. */
final class EventChecks {

    private EventChecks() {}

    static String school(CloudEvent event) {
        if (event.schoolurn() == null) {
            throw new InvalidEventException(event.type() + " " + event.id() + " names no school (schoolurn)");
        }
        return event.schoolurn();
    }

    static void pupil(CloudEvent event, String pupilId) {
        if (pupilId == null || pupilId.isBlank()) {
            throw new InvalidEventException(event.type() + " " + event.id() + " names no pupil");
        }
    }

    /** The calendar day in England on which the event happened (today if it carries no time). */
    static LocalDate day(CloudEvent event, Instant preferred, Clock clock) {
        if (preferred != null) {
            return LegalTime.dayOf(preferred);
        }
        return event.time() != null ? LegalTime.dayOf(event.time().toInstant()) : LegalTime.today(clock);
    }
}
