package org.custodian.systemtests.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/**
 * The calendar-month rule of UK GDPR Art. 12(3) as the ICO states it (legal-rules.md), written again here so that a
 * story checks sar-service's deadline against an independent reading: the corresponding date of the next month, or
 * that month's last day when it has none, then on to the next working day.
 */
public final class Deadlines {

    private Deadlines() {}

    public static LocalDate oneCalendarMonth(LocalDate start, Set<LocalDate> bankHolidays) {
        YearMonth next = YearMonth.from(start).plusMonths(1);
        LocalDate due = next.atDay(Math.min(start.getDayOfMonth(), next.lengthOfMonth()));
        while (due.getDayOfWeek() == DayOfWeek.SATURDAY
                || due.getDayOfWeek() == DayOfWeek.SUNDAY
                || bankHolidays.contains(due)) {
            due = due.plusDays(1);
        }
        return due;
    }
}
