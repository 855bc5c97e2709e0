package org.custodian.sar.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The bank holidays of each UK region generated from the rules of the Banking and Financial Dealings Act 1971 and
 * the royal proclamations that fix them each year (legal-rules.md, "Bank holidays"). One-off holidays (3 June 2022,
 * 19 September 2022, 8 May 2023) are not rules: they live only in the shipped data.
 */
public final class BankHolidayRules {

    private BankHolidayRules() {}

    public static List<BankHoliday> forYear(Region region, int year) {
        List<BankHoliday> holidays = new ArrayList<>();
        LocalDate easter = easterSunday(year);
        holidays.add(new BankHoliday(region, easter.minusDays(2), "Good Friday", false));
        if (region != Region.SCOTLAND) {
            holidays.add(new BankHoliday(region, easter.plusDays(1), "Easter Monday", false));
        }
        holidays.add(new BankHoliday(region, firstMonday(year, Month.MAY), "Early May bank holiday", false));
        holidays.add(new BankHoliday(region, lastMonday(year, Month.MAY), "Spring bank holiday", false));
        holidays.add(new BankHoliday(
                region,
                region == Region.SCOTLAND ? firstMonday(year, Month.AUGUST) : lastMonday(year, Month.AUGUST),
                "Summer bank holiday",
                false));

        // fixed dates, in date order: one on a weekend (or on a day another holiday already took) moves to the next
        // weekday that is not already a holiday
        List<Object[]> fixed = new ArrayList<>();
        fixed.add(new Object[] {LocalDate.of(year, 1, 1), "New Year's Day"});
        if (region == Region.SCOTLAND) {
            fixed.add(new Object[] {LocalDate.of(year, 1, 2), "2nd January"});
        }
        if (region == Region.NORTHERN_IRELAND) {
            fixed.add(new Object[] {LocalDate.of(year, 3, 17), "St Patrick's Day"});
            fixed.add(new Object[] {LocalDate.of(year, 7, 12), "Battle of the Boyne (Orangemen's Day)"});
        }
        if (region == Region.SCOTLAND) {
            fixed.add(new Object[] {LocalDate.of(year, 11, 30), "St Andrew's Day"});
        }
        fixed.add(new Object[] {LocalDate.of(year, 12, 25), "Christmas Day"});
        fixed.add(new Object[] {LocalDate.of(year, 12, 26), "Boxing Day"});

        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        for (Object[] f : fixed) {
            LocalDate date = (LocalDate) f[0];
            String name = (String) f[1];
            LocalDate actual = date;
            while (isWeekend(actual) || taken.contains(actual)) {
                actual = actual.plusDays(1);
            }
            taken.add(actual);
            holidays.add(new BankHoliday(
                    region, actual, actual.equals(date) ? name : name + " (substitute day)", !actual.equals(date)));
        }
        holidays.sort(Comparator.comparing(BankHoliday::date));
        return List.copyOf(holidays);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
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
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate firstMonday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    }

    private static LocalDate lastMonday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
    }
}
