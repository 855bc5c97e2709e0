package org.custodian.sar.deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * Clarification asked for on one day and answered (or not yet). For a subject access request the clock stops for it
 * (UK GDPR Art. 12A(5)); for any other request it is only recorded.
 */
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
     * The days excluded from the time limit after the clock started: Art. 12A(5) excludes "the period beginning with
     * the day on which the controller makes the request and ending with the day on which the controller receives the
     * information", so both days count: asked on the 10th and answered on the 20th is 11 days. The part of a pause
     * before {@code start} does not count.
     */
    public List<LocalDate> excludedDays(LocalDate start) {
        if (answeredOn == null || answeredOn.isBefore(start)) {
            return List.of();
        }
        LocalDate from = askedOn.isAfter(start) ? askedOn : start;
        return from.datesUntil(answeredOn.plusDays(1)).toList();
    }
}
