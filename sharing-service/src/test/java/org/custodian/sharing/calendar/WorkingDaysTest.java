package org.custodian.sharing.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.calendar.WorkingDays;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final WorkingDays WORKING = WorkingDays.in(Region.ENGLAND_AND_WALES);

    @Test
    void fiveWorkingDaysFromAMondayIsTheNextMonday() {
        assertThat(WORKING.plus(of(2026, 11, 23), 5)).isEqualTo(of(2026, 11, 30));
    }

    @Test
    void theDayItselfNeverCountsAndAWeekendStartCountsFromMonday() {
        assertThat(WORKING.plus(of(2026, 11, 28), 1)).as("Saturday + 1").isEqualTo(of(2026, 11, 30));
        assertThat(WORKING.plus(of(2026, 11, 28), 5)).as("Saturday + 5").isEqualTo(of(2026, 12, 4));
        assertThat(WORKING.plus(of(2026, 11, 27), 1)).as("Friday + 1").isEqualTo(of(2026, 11, 30));
    }

    @Test
    void christmasAndBoxingDaySubstituteAreSkipped() {
        // Friday 18 December 2026: Mon 21 to Thu 24, then Christmas (Fri 25) and Boxing Day's substitute (Mon 28)
        assertThat(WORKING.plus(of(2026, 12, 18), 5)).isEqualTo(of(2026, 12, 29));
    }

    @Test
    void easterIsSkipped() {
        // Wednesday 1 April 2026: Thu 2, (Good Friday 3, Easter Monday 6), Tue 7, Wed 8, Thu 9
        assertThat(WORKING.plus(of(2026, 4, 1), 4)).isEqualTo(of(2026, 4, 9));
    }

    @Test
    void onOrAfterRollsWeekendsAndHolidaysForward() {
        assertThat(WORKING.onOrNext(of(2026, 11, 30))).isEqualTo(of(2026, 11, 30));
        assertThat(WORKING.onOrNext(of(2026, 12, 26))).isEqualTo(of(2026, 12, 29));
        assertThat(WORKING.onOrNext(of(2027, 3, 26)))
                .as("Good Friday to the Tuesday after Easter")
                .isEqualTo(of(2027, 3, 30));
    }

    @Test
    void zeroIsTheStartAndANegativeCountIsRefused() {
        assertThat(WORKING.plus(of(2026, 11, 28), 0)).isEqualTo(of(2026, 11, 28));
        assertThatThrownBy(() -> WORKING.plus(of(2026, 11, 28), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers()
                .between(0, 365 * 8)
                .map(n -> of(2024, 1, 1).plusDays(n));
    }

    @Property
    void theNthWorkingDayIsAWorkingDayWithExactlyNWorkingDaysUpToIt(
            @ForAll("days") LocalDate start, @ForAll @IntRange(min = 1, max = 40) int n) {
        LocalDate due = WORKING.plus(start, n);
        assertThat(WORKING.isWorkingDay(due)).isTrue();
        assertThat(due).isAfter(start);
        assertThat(WORKING.between(start, due)).isEqualTo(n);
        assertThat(WORKING.between(start, due.minusDays(1))).isEqualTo(n - 1);
    }

    @Property
    void moreWorkingDaysNeverEndEarlier(@ForAll("days") LocalDate start, @ForAll @IntRange(min = 1, max = 40) int n) {
        assertThat(WORKING.plus(start, n + 1)).isAfter(WORKING.plus(start, n));
    }

    @Property
    void fiveWorkingDaysNeverTakeMoreThanTwoWeeks(@ForAll("days") LocalDate start) {
        // the longest run of non-working days is Christmas: at most four in a row
        assertThat(WORKING.plus(start, 5)).isBefore(start.plusDays(14));
    }
}
