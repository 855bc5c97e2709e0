package org.custodian.retention.due;

import java.time.LocalDate;
import org.custodian.retention.schedule.DisposalAction;

/**
 * A holding's due date and what happens then, or why it has none yet.
 *
 * @param dueOn       the first day it may be disposed of; null while waiting
 * @param action      what happens on that day (null while waiting)
 * @param because     how the date was reached, e.g. "date of birth + P25Y"
 * @param waitingFor  why there is no date yet, e.g. "the pupil to leave" (null when there is a date)
 * @param erasureNote set when an approved erasure did not reach this record, with the reason
 */
public record Due(LocalDate dueOn, DisposalAction action, String because, String waitingFor, String erasureNote) {

    public boolean hasDate() {
        return dueOn != null;
    }

    public boolean isDueOn(LocalDate day) {
        return dueOn != null && !dueOn.isAfter(day);
    }
}
