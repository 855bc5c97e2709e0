package org.custodian.sharing.override;

import java.time.LocalDate;
import java.util.Objects;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.calendar.WorkingDays;

/**
 * The clock and the answers of the DPO's review of an emergency override. Pure date arithmetic on the England and
 * Wales working-day calendar ({@link WorkingDays}): a review is due a number of working days after the day of the
 * disclosure (Europe/London; that day never counts), is overdue from the day after, and is answered once.
 */
public final class ReviewRules {

    private static final WorkingDays WORKING = WorkingDays.in(Region.ENGLAND_AND_WALES);

    /** What a second answer is. */
    public enum Answer {
        /** No answer yet: record it. */
        FIRST,
        /** The same outcome and note again: answer as before, change nothing. */
        REPLAY,
        /** Another answer after one was recorded: 409. */
        CONFLICT
    }

    private ReviewRules() {}

    /** The last day for the review: 5 working days after Monday 23 November 2026 is Monday 30 November. */
    public static LocalDate dueOn(LocalDate disclosedOn, int workingDays) {
        return WORKING.plus(disclosedOn, workingDays);
    }

    public static ReviewStatus status(LocalDate dueOn, ReviewOutcome outcome, LocalDate today) {
        if (outcome != null) {
            return outcome == ReviewOutcome.JUSTIFIED ? ReviewStatus.JUSTIFIED : ReviewStatus.NOT_JUSTIFIED;
        }
        return today.isAfter(dueOn) ? ReviewStatus.OVERDUE : ReviewStatus.PENDING;
    }

    /**
     * Working days left for a review still waiting: 0 on its last day, negative once overdue (at least -1 from the
     * day after its last day, weekends included); null once answered.
     */
    public static Integer workingDaysLeft(LocalDate dueOn, ReviewOutcome outcome, LocalDate today) {
        if (outcome != null) {
            return null;
        }
        if (!today.isAfter(dueOn)) {
            return WORKING.between(today, dueOn);
        }
        return -Math.max(1, WORKING.between(dueOn, today));
    }

    /** Whether a review answered on {@code reviewedOn} came after its last day. */
    public static boolean late(LocalDate dueOn, LocalDate reviewedOn) {
        return reviewedOn != null && reviewedOn.isAfter(dueOn);
    }

    /** What an answer is, given the one already recorded ({@code recorded} null when none). */
    public static Answer answer(ReviewOutcome recorded, String recordedNote, ReviewOutcome asked, String askedNote) {
        if (recorded == null) {
            return Answer.FIRST;
        }
        return recorded == asked && Objects.equals(recordedNote, askedNote) ? Answer.REPLAY : Answer.CONFLICT;
    }
}
