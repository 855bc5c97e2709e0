package org.custodian.sar.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.custodian.platform.calendar.BankHoliday;
import org.custodian.platform.calendar.BankHolidays;
import org.custodian.platform.calendar.Region;
import org.junit.jupiter.api.Test;

/** The school regions' bank holidays as sar reads them from the kernel's one calendar. */
class BankHolidaysTest {

    /** Years with a one-off holiday (legal-rules.md, "Bank holidays"); HistoricBankHolidaysTest works them. */
    private static final Set<Integer> ONE_OFF_YEARS = Set.of(1999, 2002, 2011, 2012, 2022, 2023);

    private static List<String> dates(Region region, int year) {
        return BankHolidays.between(region, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(h -> h.date().toString())
                .toList();
    }

    @Test
    void englandAndWalesMatchesThePublishedDates() {
        assertThat(dates(Region.ENGLAND_AND_WALES, 2026))
                .containsExactly(
                        "2026-01-01",
                        "2026-04-03",
                        "2026-04-06",
                        "2026-05-04",
                        "2026-05-25",
                        "2026-08-31",
                        "2026-12-25",
                        "2026-12-28");
        assertThat(dates(Region.ENGLAND_AND_WALES, 2027))
                .containsExactly(
                        "2027-01-01",
                        "2027-03-26",
                        "2027-03-29",
                        "2027-05-03",
                        "2027-05-31",
                        "2027-08-30",
                        "2027-12-27",
                        "2027-12-28");
        assertThat(dates(Region.ENGLAND_AND_WALES, 2024))
                .containsExactly(
                        "2024-01-01",
                        "2024-03-29",
                        "2024-04-01",
                        "2024-05-06",
                        "2024-05-27",
                        "2024-08-26",
                        "2024-12-25",
                        "2024-12-26");
        assertThat(dates(Region.ENGLAND_AND_WALES, 2025))
                .containsExactly(
                        "2025-01-01",
                        "2025-04-18",
                        "2025-04-21",
                        "2025-05-05",
                        "2025-05-26",
                        "2025-08-25",
                        "2025-12-25",
                        "2025-12-26");
    }

    @Test
    void scotlandHasTwoNewYearDaysNoEasterMondayAnEarlySummerHolidayAndStAndrew() {
        assertThat(dates(Region.SCOTLAND, 2026))
                .containsExactly(
                        "2026-01-01",
                        "2026-01-02",
                        "2026-04-03",
                        "2026-05-04",
                        "2026-05-25",
                        "2026-08-03",
                        "2026-11-30",
                        "2026-12-25",
                        "2026-12-28");
        // 2 January 2027 is a Saturday; St Andrew's Day 2025 is a Sunday
        assertThat(dates(Region.SCOTLAND, 2027)).contains("2027-01-04");
        assertThat(dates(Region.SCOTLAND, 2025)).contains("2025-12-01");
    }

    @Test
    void northernIrelandAddsStPatrickAndTheBoyne() {
        assertThat(dates(Region.NORTHERN_IRELAND, 2026))
                .containsExactly(
                        "2026-01-01",
                        "2026-03-17",
                        "2026-04-03",
                        "2026-04-06",
                        "2026-05-04",
                        "2026-05-25",
                        "2026-07-13",
                        "2026-08-31",
                        "2026-12-25",
                        "2026-12-28");
    }

    @Test
    void substituteDaysFollowTheRules() {
        // 1 January 2028 is a Saturday -> Monday 3
        assertThat(dates(Region.ENGLAND_AND_WALES, 2028)).contains("2028-01-03").doesNotContain("2028-01-01");
        // Christmas 2022 on a Sunday (outside the shipped years: generated): Boxing Day Monday 26, Christmas Tuesday 27
        assertThat(dates(Region.ENGLAND_AND_WALES, 2022)).contains("2022-12-26", "2022-12-27");
        // Scotland 2023: 1 January a Sunday -> 2 and 3 January
        assertThat(dates(Region.SCOTLAND, 2023)).contains("2023-01-02", "2023-01-03");
    }

    @Property(tries = 200)
    void everyYearHasItsHolidaysOnDistinctWeekdays(
            @ForAll @IntRange(min = 1990, max = 2100) int year, @ForAll Region region) {
        Assume.that(!ONE_OFF_YEARS.contains(year));
        List<BankHoliday> holidays = BankHolidays.of(region, year);
        int expected = switch (region) {
            case ENGLAND_AND_WALES -> 8;
            case SCOTLAND -> 9;
            case NORTHERN_IRELAND -> 10;
        };
        assertThat(holidays).hasSize(expected);
        assertThat(holidays).allMatch(h -> !BankHolidays.isWeekend(h.date()));
        assertThat(holidays.stream().map(BankHoliday::date).distinct().count()).isEqualTo(expected);
    }

    @Test
    void easterSundays() {
        assertThat(BankHolidays.easterSunday(2024)).isEqualTo("2024-03-31");
        assertThat(BankHolidays.easterSunday(2026)).isEqualTo("2026-04-05");
        assertThat(BankHolidays.easterSunday(2028)).isEqualTo("2028-04-16");
        assertThat(BankHolidays.easterSunday(2030)).isEqualTo("2030-04-21");
    }
}
