package org.custodian.sharing.override;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The clock and the answers of the DPO's review of an override: worked examples and properties. */
class ReviewRulesTest {

    @ParameterizedTest(name = "disclosed {0}, {1} working days: due {2}")
    @CsvSource({
        "2026-11-23, 5, 2026-11-30", // Monday to Monday
        "2026-11-27, 5, 2026-12-04", // Friday to Friday
        "2026-11-28, 5, 2026-12-04", // a Saturday: the weekend does not count
        "2026-12-18, 5, 2026-12-29", // Christmas Day and the Boxing Day substitute (Monday 28) skipped
        "2026-03-27, 5, 2026-04-07", // Good Friday 3 April and Easter Monday 6 April skipped
        "2026-11-23, 1, 2026-11-24",
        "2026-11-23, 10, 2026-12-07"
    })
    void theReviewIsDueAfterWorkingDays(LocalDate disclosed, int days, LocalDate due) {
        assertThat(ReviewRules.dueOn(disclosed, days)).isEqualTo(due);
    }

    @ParameterizedTest(name = "due {0}, today {1}: {2}, {3} working days left")
    @CsvSource({
        "2026-11-30, 2026-11-23, PENDING, 5",
        "2026-11-30, 2026-11-27, PENDING, 1",
        "2026-11-30, 2026-11-28, PENDING, 1",
        "2026-11-30, 2026-11-30, PENDING, 0",
        "2026-11-30, 2026-12-01, OVERDUE, -1",
        "2026-12-04, 2026-12-05, OVERDUE, -1", // overdue on the Saturday after a Friday
        "2026-11-30, 2026-12-07, OVERDUE, -5"
    })
    void theClockWhileWaiting(LocalDate due, LocalDate today, ReviewStatus status, int left) {
        assertThat(ReviewRules.status(due, null, today)).isEqualTo(status);
        assertThat(ReviewRules.workingDaysLeft(due, null, today)).isEqualTo(left);
    }

    @Test
    void anAnsweredReviewHasItsOutcomeAndNoClock() {
        LocalDate due = LocalDate.of(2026, 11, 30);
        assertThat(ReviewRules.status(due, ReviewOutcome.JUSTIFIED, due.plusDays(9)))
                .isEqualTo(ReviewStatus.JUSTIFIED);
        assertThat(ReviewRules.status(due, ReviewOutcome.NOT_JUSTIFIED, due)).isEqualTo(ReviewStatus.NOT_JUSTIFIED);
        assertThat(ReviewRules.workingDaysLeft(due, ReviewOutcome.JUSTIFIED, due.minusDays(3)))
                .isNull();
        assertThat(ReviewRules.late(due, due)).isFalse();
        assertThat(ReviewRules.late(due, due.plusDays(1))).isTrue();
    }

    @Test
    void aReviewIsAnsweredOnce() {
        assertThat(ReviewRules.answer(null, null, ReviewOutcome.JUSTIFIED, "because"))
                .isEqualTo(ReviewRules.Answer.FIRST);
        assertThat(ReviewRules.answer(ReviewOutcome.JUSTIFIED, "because", ReviewOutcome.JUSTIFIED, "because"))
                .isEqualTo(ReviewRules.Answer.REPLAY);
        assertThat(ReviewRules.answer(ReviewOutcome.JUSTIFIED, "because", ReviewOutcome.NOT_JUSTIFIED, "because"))
                .isEqualTo(ReviewRules.Answer.CONFLICT);
        assertThat(ReviewRules.answer(ReviewOutcome.JUSTIFIED, "because", ReviewOutcome.JUSTIFIED, "another note"))
                .isEqualTo(ReviewRules.Answer.CONFLICT);
    }

    @Property
    void theLastDayIsAWorkingDayExactlyTheRightNumberOfWorkingDaysLater(
            @ForAll("days") LocalDate disclosed, @ForAll @IntRange(min = 1, max = 20) int n) {
        LocalDate due = ReviewRules.dueOn(disclosed, n);
        assertThat(due).isAfter(disclosed);
        assertThat(WorkingDays.in(Region.ENGLAND_AND_WALES).isWorkingDay(due)).isTrue();
        assertThat(WorkingDays.in(Region.ENGLAND_AND_WALES).between(disclosed, due))
                .isEqualTo(n);
        assertThat(ReviewRules.status(due, null, due)).isEqualTo(ReviewStatus.PENDING);
        assertThat(ReviewRules.status(due, null, due.plusDays(1))).isEqualTo(ReviewStatus.OVERDUE);
    }

    @Property
    void daysLeftNeverGrowAsTimePasses(
            @ForAll("days") LocalDate due,
            @ForAll("days") LocalDate today,
            @ForAll @IntRange(min = 1, max = 40) int later) {
        int now = ReviewRules.workingDaysLeft(due, null, today);
        int then = ReviewRules.workingDaysLeft(due, null, today.plusDays(later));
        assertThat(then).isLessThanOrEqualTo(now);
        assertThat(now < 0).isEqualTo(ReviewRules.status(due, null, today) == ReviewStatus.OVERDUE);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers()
                .between(0, 3 * 365)
                .map(d -> LocalDate.of(2025, 1, 1).plusDays(d));
    }
}
