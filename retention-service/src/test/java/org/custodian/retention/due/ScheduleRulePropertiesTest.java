package org.custodian.retention.due;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custodian.retention.schedule.DisposalAction;
import org.custodian.retention.schedule.IrmsSchedule;
import org.custodian.retention.schedule.LegalBasis;
import org.custodian.retention.schedule.RetentionRule;

/** Issue 24's rules over the default schedule, as properties. */
class ScheduleRulePropertiesTest {

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs()
                .between(0, 365L * 40)
                .map(n -> LocalDate.of(1995, 1, 1).plusDays(n));
    }

    @Provide
    Arbitrary<RetentionRule> defaults() {
        return Arbitraries.of(IrmsSchedule.rules());
    }

    @Provide
    Arbitrary<String> endings() {
        return Arbitraries.of("REFUSED", "WITHDRAWN", "EXPIRED");
    }

    /**
     * Every class has a rule — a period or a review date: once the facts its trigger reads are known (a pupil with a
     * date of birth who has left, a closed record, consent ended), a record of it always gets a due date, never
     * "kept for ever" (UK GDPR Art. 5(1)(e)); and a class whose toolkit period is not known is reviewed, never
     * destroyed without a decision.
     */
    @Property
    void everyDefaultClassHasARulePeriodOrReviewDate(
            @ForAll("defaults") RetentionRule rule,
            @ForAll("days") LocalDate born,
            @ForAll @IntRange(min = 1, max = 8000) int createdAfterBirth,
            @ForAll @IntRange(min = 0, max = 4000) int leftAfterCreation,
            @ForAll @IntRange(min = 0, max = 4000) int closedAfterCreation) {
        LocalDate created = born.plusDays(createdAfterBirth);
        LocalDate left = created.plusDays(leftAfterCreation);
        HoldingFacts holding = new HoldingFacts("P1", created, created.plusDays(closedAfterCreation), null, null);
        SubjectFacts facts = new SubjectFacts(new PupilFacts(born, left), Map.of(), List.of());
        Due due = DueDates.compute(rule, holding, facts);
        assertThat(due.hasDate()).as(rule.code() + ": " + due.waitingFor()).isTrue();
        if (rule.citation().contains(IrmsSchedule.SCHOOL_SETS_THE_PERIOD)) {
            assertThat(rule.action()).isEqualTo(DisposalAction.REVIEW);
            assertThat(due.action()).isEqualTo(DisposalAction.REVIEW);
        }
    }

    /** A record held by consent falls due no later than the day consent ended, however it ended. */
    @Property
    void consentRefusedWithdrawnOrExpiredMakesConsentRecordsDue(
            @ForAll("defaults") RetentionRule rule,
            @ForAll("endings") String how,
            @ForAll("days") LocalDate created,
            @ForAll @IntRange(min = 0, max = 3000) int endedAfter) {
        if (rule.basis() != LegalBasis.CONSENT) {
            return;
        }
        LocalDate ended = created.plusDays(endedAfter);
        String purpose =
                rule.consentPurposes().get(endedAfter % rule.consentPurposes().size());
        SubjectFacts facts = new SubjectFacts(
                new PupilFacts(created.minusYears(8), null), Map.of(purpose, ended), List.of(), Map.of(purpose, how));
        Due due = DueDates.compute(rule, new HoldingFacts("P1", created, null, purpose, null), facts);
        assertThat(due.dueOn()).isBeforeOrEqualTo(ended.plus(rule.period()).plusDays(1));
        assertThat(due.because()).contains(purpose);
    }

    /** An accident record about a child is never due before the child's 25th birthday (the toolkit's period). */
    @Property
    void anAccidentRecordAboutAChildIsNeverDueBeforeThe25thBirthday(
            @ForAll("days") LocalDate born, @ForAll @IntRange(min = 0, max = 365 * 18) int entryAge) {
        RetentionRule accidents = IrmsSchedule.rule(IrmsSchedule.ACCIDENT_BOOK).orElseThrow();
        Due due = DueDates.compute(
                accidents,
                new HoldingFacts("P1", born.plusDays(entryAge), null, null, null),
                new SubjectFacts(new PupilFacts(born, null), Map.of(), List.of()));
        LocalDate twentyFifth = RetentionPeriods.dueAfter(born, Period.ofYears(25));
        assertThat(due.dueOn()).isEqualTo(twentyFifth);
    }

    /** A safeguarding file is never destroyed by the schedule: it is transferred or reviewed. */
    @Property
    void theSafeguardingFileIsNeverDueForDestruction(
            @ForAll("days") LocalDate born,
            @ForAll @IntRange(min = 0, max = 8000) int leftAfterBirth,
            @ForAll boolean hasLeft,
            @ForAll boolean keptOnReview) {
        RetentionRule safeguarding =
                IrmsSchedule.rule(IrmsSchedule.CHILD_PROTECTION).orElseThrow();
        LocalDate left = hasLeft ? born.plusDays(leftAfterBirth) : null;
        Due due = DueDates.compute(
                safeguarding,
                new HoldingFacts(
                        "P1", born.plusYears(4), null, null, keptOnReview ? born.plusDays(leftAfterBirth + 30) : null),
                new SubjectFacts(new PupilFacts(born, left), Map.of(), List.of()));
        assertThat(due.action()).isIn(DisposalAction.REVIEW, DisposalAction.TRANSFER_TO_NEXT_SCHOOL);
    }
}
