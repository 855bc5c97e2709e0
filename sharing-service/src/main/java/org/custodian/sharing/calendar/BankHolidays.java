package org.custodian.sharing.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * England and Wales bank holidays, generated from the rules in legal-rules.md: New Year's Day, Good Friday, Easter
 * Monday, the early May (first Monday of May), spring (last Monday of May) and summer (last Monday of August) bank
 * holidays, Christmas Day and Boxing Day. A fixed-date holiday on a Saturday or Sunday moves to the next weekday that
 * is not already a holiday. The one-off changes since 2020 are listed (none is announced for 2024–2030).
 */
public final class BankHolidays {

    /** Moved holidays: the rule's date → the date it was held on. */
    private static final Map<LocalDate, LocalDate> MOVED = Map.of(
            LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 8), // early May moved to VE Day's 75th anniversary
            LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 2)); // spring moved for the Platinum Jubilee
    /** Extra one-off holidays. */
    private static final Set<LocalDate> ONE_OFF = Set.of(
            LocalDate.of(2022, 6, 3), // Platinum Jubilee
            LocalDate.of(2022, 9, 19), // the State Funeral of Queen Elizabeth II
            LocalDate.of(2023, 5, 8)); // the Coronation of King Charles III

    private static final Map<Integer, Set<LocalDate>> CACHE = new ConcurrentHashMap<>();

    private BankHolidays() {}

    /** The year's bank holidays in England and Wales, in date order. */
    public static Set<LocalDate> of(int year) {
        return CACHE.computeIfAbsent(year, BankHolidays::generate);
    }

    public static boolean isHoliday(LocalDate date) {
        return of(date.getYear()).contains(date);
    }

    private static Set<LocalDate> generate(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(moved(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY))));
        days.add(moved(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        ONE_OFF.stream().filter(d -> d.getYear() == year).forEach(days::add);
        // fixed dates: those on weekdays first, then each weekend one to the next weekday still free
        LocalDate[] fixed = {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 26)};
        for (LocalDate day : fixed) {
            if (!isWeekend(day)) {
                days.add(day);
            }
        }
        for (LocalDate day : fixed) {
            if (isWeekend(day)) {
                LocalDate substitute = day.plusDays(1);
                while (isWeekend(substitute) || days.contains(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                days.add(substitute);
            }
        }
        return java.util.Collections.unmodifiableSet(days);
    }

    private static LocalDate moved(LocalDate byRule) {
        return MOVED.getOrDefault(byRule, byRule);
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
