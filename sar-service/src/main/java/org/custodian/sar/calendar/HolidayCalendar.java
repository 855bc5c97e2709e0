package org.custodian.sar.calendar;

import java.time.LocalDate;

/** Answers whether a date is a public holiday, for the working-day roll-forward of legal deadlines. */
@FunctionalInterface
public interface HolidayCalendar {

    boolean isBankHoliday(LocalDate date);

    /** A working day is a weekday that is not a bank holiday. */
    default boolean isWorkingDay(LocalDate date) {
        return !BankHolidayRules.isWeekend(date) && !isBankHoliday(date);
    }

    /** The date itself if it is a working day, otherwise the next working day after it. */
    default LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
