package org.custodian.sharing.calendar;

import java.time.LocalDate;

/**
 * Working days in England and Wales: Monday to Friday except bank holidays ({@link BankHolidays}). Plain date
 * arithmetic for partner action deadlines.
 */
public final class WorkingDays {

    private WorkingDays() {}

    public static boolean isWorkingDay(LocalDate day) {
        return !BankHolidays.isWeekend(day) && !BankHolidays.isHoliday(day);
    }

    /** The day itself if it is a working day, otherwise the next working day. */
    public static LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The {@code n}th working day after {@code start} ({@code start} itself never counts): 5 working days from
     * Monday 23 November 2026 is Monday 30 November. {@code n = 0} gives {@code start}.
     */
    public static LocalDate plus(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a number of working days is not negative: " + n);
        }
        LocalDate d = start;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** How many working days lie after {@code from} up to and including {@code to} (0 when {@code to} is not later). */
    public static int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
