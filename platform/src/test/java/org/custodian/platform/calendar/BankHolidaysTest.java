package org.custodian.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BankHolidaysTest {

    private static List<LocalDate> dates(Region region, int year) {
        return BankHolidays.of(region, year).stream().map(BankHoliday::date).toList();
    }

    private static List<LocalDate> days(String... isoDates) {
        return java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList();
    }

    @Test
    void englandAndWales2026And2027AreThePublishedDates() {
        assertThat(dates(Region.ENGLAND_AND_WALES, 2026))
                .containsExactlyElementsOf(days(
                        "2026-01-01",
                        "2026-04-03",
                        "2026-04-06",
                        "2026-05-04",
                        "2026-05-25",
                        "2026-08-31",
                        "2026-12-25",
                        "2026-12-28"));
        assertThat(dates(Region.ENGLAND_AND_WALES, 2027))
                .containsExactlyElementsOf(days(
                        "2027-01-01",
                        "2027-03-26",
                        "2027-03-29",
                        "2027-05-03",
                        "2027-05-31",
                        "2027-08-30",
                        "2027-12-27",
                        "2027-12-28"));
    }

    @Test
    void scotlandHasTheSecondOfJanuaryStAndrewsDayAndAnAugustHolidayOnTheFirstMonday() {
        assertThat(dates(Region.SCOTLAND, 2026))
                .containsExactlyElementsOf(days(
                        "2026-01-01",
                        "2026-01-02",
                        "2026-04-03",
                        "2026-05-04",
                        "2026-05-25",
                        "2026-08-03",
                        "2026-11-30",
                        "2026-12-25",
                        "2026-12-28"));
        // 1 and 2 January 2022 fell on a weekend: Monday 3 and Tuesday 4
        assertThat(dates(Region.SCOTLAND, 2022)).contains(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 1, 4));
    }

    @Test
    void northernIrelandAddsStPatricksDayAndTheBoyneWithSubstitutes() {
        // 12 July 2026 is a Sunday: the holiday is Monday 13 July
        assertThat(dates(Region.NORTHERN_IRELAND, 2026))
                .containsExactlyElementsOf(days(
                        "2026-01-01",
                        "2026-03-17",
                        "2026-04-03",
                        "2026-04-06",
                        "2026-05-04",
                        "2026-05-25",
                        "2026-07-13",
                        "2026-08-31",
                        "2026-12-25",
                        "2026-12-28"));
    }

    @Test
    void theHistoricOneOffChangesAreKnownInEveryRegion() {
        for (Region region : Region.values()) {
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(1999, 12, 31)))
                    .isTrue();
            // 2002: spring moved to Tuesday 4 June, plus the Golden Jubilee on Monday 3 June
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2002, 5, 27)))
                    .isFalse();
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2002, 6, 3)))
                    .isTrue();
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2002, 6, 4)))
                    .isTrue();
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2011, 4, 29)))
                    .isTrue();
            // 2012: spring moved to Monday 4 June, plus the Diamond Jubilee on Tuesday 5 June
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2012, 5, 28)))
                    .isFalse();
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2012, 6, 4)))
                    .isTrue();
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2012, 6, 5)))
                    .isTrue();
            // 2020: early May moved to Friday 8 May; Monday 4 May was a working day
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2020, 5, 4)))
                    .isFalse();
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2020, 5, 8)))
                    .isTrue();
            // 2022: spring moved to Thursday 2 June, the Platinum Jubilee on Friday 3 June, the State Funeral
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2022, 5, 30)))
                    .isFalse();
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2022, 6, 2)))
                    .isTrue();
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2022, 6, 3)))
                    .isTrue();
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2022, 9, 19)))
                    .isTrue();
            assertThat(BankHolidays.isBankHoliday(region, LocalDate.of(2023, 5, 8)))
                    .isTrue();
        }
    }

    @Test
    void christmasOnASaturdayGivesMondayAndTuesdayAndNewYearOnASaturdayGivesMonday() {
        assertThat(dates(Region.ENGLAND_AND_WALES, 2021))
                .contains(LocalDate.of(2021, 12, 27), LocalDate.of(2021, 12, 28));
        assertThat(dates(Region.ENGLAND_AND_WALES, 2022)).contains(LocalDate.of(2022, 1, 3));
        // Christmas on a Sunday: Boxing Day on Monday 26, Christmas on Tuesday 27
        assertThat(dates(Region.ENGLAND_AND_WALES, 2022))
                .contains(LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27));
    }

    @Test
    void theGeneratedCalendarEqualsThePublishedDatesFor2024To2030() throws IOException {
        List<String> published = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/bank-holidays/published-2024-2030.csv")) {
            assertThat(in).isNotNull();
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank() && !line.startsWith("region,"))
                    .map(line -> String.join(",", List.of(line.split(",", 4)).subList(0, 2)))
                    .forEach(published::add);
        }
        List<String> generated = new ArrayList<>();
        for (Region region : Region.values()) {
            for (int year = 2024; year <= 2030; year++) {
                BankHolidays.of(region, year).forEach(h -> generated.add(region + "," + h.date()));
            }
        }
        assertThat(generated).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void workingDaysCountFromTheDayAfterAndRollForward() {
        WorkingDays england = WorkingDays.in(Region.ENGLAND_AND_WALES);
        assertThat(england.plus(LocalDate.of(2026, 11, 23), 5)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(england.onOrNext(LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(england.between(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31)))
                .isEqualTo(3);
        // St Andrew's Day is a working day in England but not everywhere in the UK
        assertThat(england.isWorkingDay(LocalDate.of(2026, 11, 30))).isTrue();
        assertThat(WorkingDays.everywhereInTheUk().isWorkingDay(LocalDate.of(2026, 11, 30)))
                .isFalse();
        assertThat(WorkingDays.everywhereInTheUk().isWorkingDay(LocalDate.of(2026, 3, 17)))
                .isFalse();
    }

    @Property
    void everyHolidayIsAWeekdayAndEachRegionHasItsRegularCount(@ForAll @IntRange(min = 1900, max = 2200) int year) {
        for (Region region : Region.values()) {
            List<BankHoliday> holidays = BankHolidays.of(region, year);
            assertThat(holidays)
                    .allSatisfy(h -> assertThat(h.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            Set<LocalDate> distinct = holidays.stream().map(BankHoliday::date).collect(Collectors.toSet());
            assertThat(distinct).hasSameSizeAs(holidays);
            assertThat(holidays).allSatisfy(h -> assertThat(h.date().getYear()).isIn(year, year + 1));
            long oneOffs = holidays.stream()
                    .filter(h -> !h.substitute() && isOneOff(h.name()))
                    .count();
            int regular = switch (region) {
                case ENGLAND_AND_WALES -> 8;
                case SCOTLAND -> 9;
                case NORTHERN_IRELAND -> 10;
            };
            assertThat(holidays.size() - oneOffs).isEqualTo(regular);
        }
    }

    private static boolean isOneOff(String name) {
        return name.contains("Jubilee")
                || name.contains("Millennium")
                || name.contains("Wedding")
                || name.contains("Funeral")
                || name.contains("Coronation");
    }

    @Property
    void aWorkingDayPlusNIsNeverEarlierAndIsAlwaysAWorkingDay(
            @ForAll @IntRange(min = 0, max = 3000) int offset, @ForAll @IntRange(min = 1, max = 40) int n) {
        WorkingDays days = WorkingDays.in(Region.ENGLAND_AND_WALES);
        LocalDate start = LocalDate.of(2020, 1, 1).plusDays(offset);
        LocalDate end = days.plus(start, n);
        assertThat(end).isAfter(start);
        assertThat(days.isWorkingDay(end)).isTrue();
        assertThat(days.between(start, end)).isEqualTo(n);
    }
}
