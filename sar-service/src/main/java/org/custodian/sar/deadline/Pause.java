package org.custodian.sar.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A stop of the clock while the controller waits for clarification: asked on one day, answered (or not yet). */
public record Pause(LocalDate askedOn, LocalDate answeredOn) {

    public Pause {
        if (askedOn == null) {
            throw new IllegalArgumentException("a pause starts on the day clarification was asked for");
        }
        if (answeredOn != null && answeredOn.isBefore(askedOn)) {
            throw new IllegalArgumentException("clarification cannot be answered before it was asked for");
        }
    }

    public boolean isOpen() {
        return answeredOn == null;
    }

    /**
     * The days the clock stood still after {@code start}: asked on the 10th and answered on the 20th is 10 days;
     * the part of a pause before the clock started does not count.
     */
    public long daysAfter(LocalDate start) {
        if (answeredOn == null || !answeredOn.isAfter(start)) {
            return 0;
        }
        LocalDate from = askedOn.isAfter(start) ? askedOn : start;
        return ChronoUnit.DAYS.between(from, answeredOn);
    }

    /** Whether a day falls in the pause after the day of asking, up to and including the day of the answer. */
    public boolean stops(LocalDate day) {
        return day.isAfter(askedOn) && (answeredOn == null || !day.isAfter(answeredOn));
    }
}
