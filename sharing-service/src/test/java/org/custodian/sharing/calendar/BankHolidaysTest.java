package org.custodian.sharing.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.custodian.platform.calendar.BankHoliday;
import org.custodian.platform.calendar.BankHolidays;
import org.custodian.platform.calendar.Region;
import org.junit.jupiter.api.Test;

/**
 * The kernel's England and Wales bank holidays, on which sharing's deadlines are counted, checked against the dates
 * legal-rules.md lists (the worked examples of sharing's former calendar, kept when it was replaced by the kernel's).
 */
class BankHolidaysTest {

    private static List<LocalDate> holidays(int year) {
        return BankHolidays.of(Region.ENGLAND_AND_WALES, year).stream()
                .map(BankHoliday::date)
                .toList();
    }

    @Test
    void twentyTwentySixIsAsPublished() {
        assertThat(holidays(2026))
                .containsExactly(
                        of(2026, 1, 1),
                        of(2026, 4, 3),
                        of(2026, 4, 6),
                        of(2026, 5, 4),
                        of(2026, 5, 25),
                        of(2026, 8, 31),
                        of(2026, 12, 25),
                        of(2026, 12, 28));
    }

    @Test
    void twentyTwentySevenIsAsPublished() {
        assertThat(holidays(2027))
                .containsExactly(
                        of(2027, 1, 1),
                        of(2027, 3, 26),
                        of(2027, 3, 29),
                        of(2027, 5, 3),
                        of(2027, 5, 31),
                        of(2027, 8, 30),
                        of(2027, 12, 27),
                        of(2027, 12, 28));
    }

    @Test
    void christmasOnASaturdayMovesToMondayAndBoxingDayToTuesday() {
        // 2021: Christmas Day was a Saturday
        assertThat(holidays(2021))
                .contains(of(2021, 12, 27), of(2021, 12, 28))
                .doesNotContain(of(2021, 12, 25), of(2021, 12, 26));
    }

    @Test
    void christmasOnASundayKeepsBoxingDayOnMondayAndMovesChristmasToTuesday() {
        // 2022: Christmas Day was a Sunday
        assertThat(holidays(2022)).contains(of(2022, 12, 26), of(2022, 12, 27)).doesNotContain(of(2022, 12, 25));
    }

    @Test
    void newYearsDayOnASaturdayMovesToMonday() {
        // 1 January 2022 was a Saturday; 1 January 2023 a Sunday
        assertThat(holidays(2022)).contains(of(2022, 1, 3)).doesNotContain(of(2022, 1, 1));
        assertThat(holidays(2023)).contains(of(2023, 1, 2)).doesNotContain(of(2023, 1, 1));
    }

    @Test
    void theOneOffsAndMovedDaysSince2020AreKept() {
        assertThat(holidays(2020)).contains(of(2020, 5, 8)).doesNotContain(of(2020, 5, 4));
        assertThat(holidays(2022))
                .contains(of(2022, 6, 2), of(2022, 6, 3), of(2022, 9, 19))
                .doesNotContain(of(2022, 5, 30));
        assertThat(holidays(2023)).contains(of(2023, 5, 1), of(2023, 5, 8));
    }

    @Test
    void easterFollowsTheGregorianComputus() {
        assertThat(BankHolidays.easterSunday(2024)).isEqualTo(of(2024, 3, 31));
        assertThat(BankHolidays.easterSunday(2025)).isEqualTo(of(2025, 4, 20));
        assertThat(BankHolidays.easterSunday(2026)).isEqualTo(of(2026, 4, 5));
        assertThat(BankHolidays.easterSunday(2038)).isEqualTo(of(2038, 4, 25));
        assertThat(BankHolidays.easterSunday(2285)).isEqualTo(of(2285, 3, 22));
    }

    @Property
    void aYearWithoutOneOffsHasEightHolidaysAllOnWeekdays(@ForAll @IntRange(min = 2024, max = 2200) int year) {
        List<LocalDate> days = holidays(year);
        assertThat(days).hasSize(8);
        assertThat(days).allSatisfy(d -> {
            assertThat(d.getYear()).isEqualTo(year);
            assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        });
        assertThat(days).filteredOn(d -> d.getDayOfWeek() == DayOfWeek.MONDAY).hasSizeGreaterThanOrEqualTo(4);
        assertThat(days.stream().filter(d -> d.getMonthValue() == 12)).hasSize(2);
    }
}
