package org.custodian.platform.calendar;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Working days: Monday to Friday except bank holidays, either of one region (legal deadlines roll forward on the
 * school's region) or of any part of the UK (freedom of information counts a day only when it is a working day in
 * every part of the UK).
 */
public final class WorkingDays {

    private final Predicate<LocalDate> holiday;

    private WorkingDays(Predicate<LocalDate> holiday) {
        this.holiday = holiday;
    }

    public static WorkingDays in(Region region) {
        return new WorkingDays(date -> BankHolidays.isBankHoliday(region, date));
    }

    /** Days that are working days in England and Wales, Scotland and Northern Ireland alike. */
    public static WorkingDays everywhereInTheUk() {
        return new WorkingDays(date -> {
            for (Region region : Region.values()) {
                if (BankHolidays.isBankHoliday(region, date)) {
                    return true;
                }
            }
            return false;
        });
    }

    public boolean isWorkingDay(LocalDate day) {
        return !BankHolidays.isWeekend(day) && !holiday.test(day);
    }

    /** The day itself if it is a working day, otherwise the next working day after it. */
    public LocalDate onOrNext(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The {@code n}th working day after {@code start} ({@code start} itself never counts): 5 working days from Monday
     * 23 November 2026 is Monday 30 November. {@code n = 0} gives {@code start}.
     */
    public LocalDate plus(LocalDate start, int n) {
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
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
