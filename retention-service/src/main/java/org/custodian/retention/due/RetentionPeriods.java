package org.custodian.retention.due;

import java.time.LocalDate;
import java.time.Period;

/**
 * Adds a retention period to the day it starts from. A record is never due before its whole period has run: where
 * the corresponding day does not exist (29 February in a common year, 31 April), the period ends with the last day
 * of that month and the record falls due on the day after, not on the last day itself.
 */
public final class RetentionPeriods {

    private RetentionPeriods() {}

    /** The first day on which a record kept for {@code period} from {@code anchor} may be disposed of. */
    public static LocalDate dueAfter(LocalDate anchor, Period period) {
        LocalDate monthsAdded = anchor.plusMonths(period.toTotalMonths());
        if (monthsAdded.getDayOfMonth() != anchor.getDayOfMonth()) {
            // the month is shorter than the anchor's day: Java clamped back to its last day
            monthsAdded = monthsAdded.plusDays(1);
        }
        return monthsAdded.plusDays(period.getDays());
    }
}
