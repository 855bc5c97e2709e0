package org.custodian.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bank holidays of England and Wales, Scotland and Northern Ireland, for any year: generated from the rules of the
 * Banking and Financial Dealings Act 1971 (Schedule 1) and the yearly proclamations, plus the one-off changes that
 * matter for backdated requests (legal-rules.md, "Bank holidays"). The one calendar of the whole suite, so that two
 * services never disagree about a date.
 */
public final class BankHolidays {

    public static final String SOURCE =
            "Banking and Financial Dealings Act 1971, Schedule 1, and the royal proclamations"
                    + " moving or adding holidays (1999, 2002, 2011, 2012, 2020, 2022, 2023), as published at gov.uk/bank-holidays";

    /** A holiday the rules would place on one date, held on another that year, in every region. */
    private record Moved(LocalDate byRule, LocalDate heldOn) {}

    private static final List<Moved> MOVED = List.of(
            new Moved(LocalDate.of(2002, 5, 27), LocalDate.of(2002, 6, 4)), // spring, for the Golden Jubilee
            new Moved(LocalDate.of(2012, 5, 28), LocalDate.of(2012, 6, 4)), // spring, for the Diamond Jubilee
            new Moved(LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 8)), // early May, for VE Day's 75th anniversary
            new Moved(LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 2))); // spring, for the Platinum Jubilee

    private static final List<BankHoliday> ONE_OFF_EVERYWHERE = List.of(
            oneOff(LocalDate.of(1999, 12, 31), "Millennium Celebrations"),
            oneOff(LocalDate.of(2002, 6, 3), "Golden Jubilee of Queen Elizabeth II"),
            oneOff(LocalDate.of(2011, 4, 29), "Wedding of Prince William and Catherine Middleton"),
            oneOff(LocalDate.of(2012, 6, 5), "Diamond Jubilee of Queen Elizabeth II"),
            oneOff(LocalDate.of(2022, 6, 3), "Platinum Jubilee of Queen Elizabeth II"),
            oneOff(LocalDate.of(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
            oneOff(LocalDate.of(2023, 5, 8), "Coronation of King Charles III"));

    private record Key(Region region, int year) {}

    private static final Map<Key, List<BankHoliday>> CACHE = new ConcurrentHashMap<>();

    private BankHolidays() {}

    /** A region's bank holidays in a year, in date order. */
    public static List<BankHoliday> of(Region region, int year) {
        return CACHE.computeIfAbsent(new Key(region, year), key -> generate(key.region(), key.year()));
    }

    public static boolean isBankHoliday(Region region, LocalDate date) {
        for (BankHoliday holiday : of(region, date.getYear())) {
            if (holiday.date().equals(date)) {
                return true;
            }
        }
        return false;
    }

    /** A region's holidays between two dates, both included, in date order. */
    public static List<BankHoliday> between(Region region, LocalDate from, LocalDate to) {
        List<BankHoliday> result = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (BankHoliday holiday : of(region, year)) {
                if (!holiday.date().isBefore(from) && !holiday.date().isAfter(to)) {
                    result.add(holiday);
                }
            }
        }
        return result;
    }

    public static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static List<BankHoliday> generate(Region region, int year) {
        List<BankHoliday> holidays = new ArrayList<>();
        LocalDate easter = easterSunday(year);
        holidays.add(new BankHoliday(region, easter.minusDays(2), "Good Friday", false));
        if (region != Region.SCOTLAND) {
            holidays.add(new BankHoliday(region, easter.plusDays(1), "Easter Monday", false));
        }
        holidays.add(new BankHoliday(region, moved(firstMonday(year, Month.MAY)), "Early May bank holiday", false));
        holidays.add(new BankHoliday(region, moved(lastMonday(year, Month.MAY)), "Spring bank holiday", false));
        LocalDate summer = region == Region.SCOTLAND ? firstMonday(year, Month.AUGUST) : lastMonday(year, Month.AUGUST);
        holidays.add(new BankHoliday(region, summer, "Summer bank holiday", false));
        for (BankHoliday oneOff : ONE_OFF_EVERYWHERE) {
            if (oneOff.date().getYear() == year) {
                holidays.add(new BankHoliday(region, oneOff.date(), oneOff.name(), false));
            }
        }
        // fixed dates in date order: one on a weekend, or on a day another holiday took, moves to the next free weekday
        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        for (BankHoliday fixed : fixedDates(region, year)) {
            LocalDate held = fixed.date();
            while (isWeekend(held) || taken.contains(held)) {
                held = held.plusDays(1);
            }
            taken.add(held);
            boolean substitute = !held.equals(fixed.date());
            holidays.add(new BankHoliday(
                    region, held, substitute ? fixed.name() + " (substitute day)" : fixed.name(), substitute));
        }
        holidays.sort(Comparator.comparing(BankHoliday::date));
        return List.copyOf(holidays);
    }

    private static List<BankHoliday> fixedDates(Region region, int year) {
        List<BankHoliday> fixed = new ArrayList<>();
        fixed.add(new BankHoliday(region, LocalDate.of(year, 1, 1), "New Year's Day", false));
        if (region == Region.SCOTLAND) {
            fixed.add(new BankHoliday(region, LocalDate.of(year, 1, 2), "2nd January", false));
        }
        if (region == Region.NORTHERN_IRELAND) {
            fixed.add(new BankHoliday(region, LocalDate.of(year, 3, 17), "St Patrick's Day", false));
            fixed.add(
                    new BankHoliday(region, LocalDate.of(year, 7, 12), "Battle of the Boyne (Orangemen's Day)", false));
        }
        if (region == Region.SCOTLAND) {
            fixed.add(new BankHoliday(region, LocalDate.of(year, 11, 30), "St Andrew's Day", false));
        }
        fixed.add(new BankHoliday(region, LocalDate.of(year, 12, 25), "Christmas Day", false));
        fixed.add(new BankHoliday(region, LocalDate.of(year, 12, 26), "Boxing Day", false));
        return fixed;
    }

    private static LocalDate moved(LocalDate byRule) {
        for (Moved move : MOVED) {
            if (move.byRule().equals(byRule)) {
                return move.heldOn();
            }
        }
        return byRule;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
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

    private static BankHoliday oneOff(LocalDate date, String name) {
        return new BankHoliday(Region.ENGLAND_AND_WALES, date, name, false);
    }

    private static LocalDate firstMonday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    }

    private static LocalDate lastMonday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
    }
}
