package org.custodian.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stories' own reading of the calendar-month rule, on the worked examples of legal-rules.md and the ICO. */
class DeadlinesTest {

    static final Set<LocalDate> ENGLAND_2026_27 = Set.of(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 28),
            LocalDate.of(2027, 1, 1),
            LocalDate.of(2027, 3, 26),
            LocalDate.of(2027, 3, 29));

    @Test
    void correspondingDateLastDayOfTheMonthAndNextWorkingDay() {
        assertThat(Deadlines.oneCalendarMonth(LocalDate.of(2026, 3, 2), ENGLAND_2026_27))
                .isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(Deadlines.oneCalendarMonth(LocalDate.of(2026, 3, 3), ENGLAND_2026_27))
                .isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(Deadlines.oneCalendarMonth(LocalDate.of(2026, 1, 31), ENGLAND_2026_27))
                .isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(Deadlines.oneCalendarMonth(LocalDate.of(2026, 11, 28), ENGLAND_2026_27))
                .isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(Deadlines.oneCalendarMonth(LocalDate.of(2027, 1, 29), ENGLAND_2026_27))
                .isEqualTo(LocalDate.of(2027, 3, 1));
    }
}
