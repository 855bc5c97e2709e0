package org.custodian.sharing.actionkind;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.calendar.WorkingDays;
import org.junit.jupiter.api.Test;

/** Worked examples of the default deadlines, and their properties. */
class ActionDeadlineTest {

    @Test
    void consentWithdrawalAndRestrictionGetFiveWorkingDays() {
        assertThat(ActionKind.STOP_USING.defaultDeadline().dueOn(of(2026, 11, 23)))
                .isEqualTo(of(2026, 11, 30));
        assertThat(ActionKind.RESTRICT.defaultDeadline().dueOn(of(2026, 12, 18)))
                .as("over Christmas")
                .isEqualTo(of(2026, 12, 29));
    }

    @Test
    void erasureRectificationAndTheEndOfSharingGetOneCalendarMonth() {
        assertThat(ActionKind.ERASE.defaultDeadline().dueOn(of(2026, 11, 12)))
                .isEqualTo(of(2026, 12, 14))
                .as("12 December 2026 is a Saturday");
        assertThat(ActionKind.RECTIFY.defaultDeadline().dueOn(of(2026, 10, 7)))
                .isEqualTo(of(2026, 11, 9))
                .as("7 November 2026 is a Saturday");
        assertThat(ActionKind.DELETE_ALL.defaultDeadline().dueOn(of(2026, 6, 10)))
                .isEqualTo(of(2026, 7, 10));
    }

    @Test
    void aMonthFromTheThirtyFirstEndsOnTheLastDayOfAShorterMonth() {
        // 31 March 2027 + 1 month = 30 April 2027, a Friday
        assertThat(ActionDeadline.months(1).dueOn(of(2027, 3, 31))).isEqualTo(of(2027, 4, 30));
        // 31 January 2026 + 1 month = 28 February 2026, a Saturday: Monday 2 March
        assertThat(ActionDeadline.months(1).dueOn(of(2026, 1, 31))).isEqualTo(of(2026, 3, 2));
    }

    @Test
    void calendarDaysEndOnAWorkingDay() {
        assertThat(ActionDeadline.days(14).dueOn(of(2026, 12, 12)))
                .as("26 December 2026 → Tuesday 29")
                .isEqualTo(of(2026, 12, 29));
        assertThat(ActionDeadline.days(10).dueOn(of(2026, 11, 2))).isEqualTo(of(2026, 11, 12));
    }

    @Test
    void deadlinesOutsideOneToAYearAreRefused() {
        assertThatThrownBy(() -> ActionDeadline.workingDays(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActionDeadline.months(13)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActionDeadline.days(367)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ActionDeadline.workingDays(260).toString()).isEqualTo("260 working days");
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers()
                .between(0, 365 * 10)
                .map(n -> of(2024, 1, 1).plusDays(n));
    }

    @Provide
    Arbitrary<ActionDeadline> deadlines() {
        return Arbitraries.of(ActionDeadline.Unit.class)
                .flatMap(unit -> Arbitraries.integers().between(1, unit.max()).map(n -> new ActionDeadline(n, unit)));
    }

    @Property
    void everyDueDateIsAWorkingDayAfterTheOpeningDay(
            @ForAll("days") LocalDate opened, @ForAll("deadlines") ActionDeadline d) {
        LocalDate due = d.dueOn(opened);
        assertThat(WorkingDays.in(Region.ENGLAND_AND_WALES).isWorkingDay(due)).isTrue();
        assertThat(due).isAfter(opened);
    }

    @Property
    void aMonthIsNeverShorterThanItsCalendarDateNorMuchLonger(@ForAll("days") LocalDate opened) {
        LocalDate due = ActionDeadline.months(1).dueOn(opened);
        assertThat(due)
                .isAfterOrEqualTo(opened.plusMonths(1))
                .isBefore(opened.plusMonths(1).plusDays(6));
    }

    @Property
    void aLaterOpeningNeverGivesAnEarlierDueDate(
            @ForAll("days") LocalDate opened, @ForAll("deadlines") ActionDeadline d) {
        assertThat(d.dueOn(opened.plusDays(1))).isAfterOrEqualTo(d.dueOn(opened));
    }
}
