package org.custodian.retention.due;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custodian.retention.schedule.IrmsSchedule;
import org.custodian.retention.schedule.LegalBasis;
import org.custodian.retention.schedule.RetentionRule;

class DueDatePropertiesTest {

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs()
                .between(0, 365L * 60)
                .map(n -> LocalDate.of(1970, 1, 1).plusDays(n));
    }

    @Provide
    Arbitrary<Period> periods() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 11),
                        Arbitraries.integers().between(0, 30))
                .as(Period::of);
    }

    @Provide
    Arbitrary<RetentionRule> defaults() {
        return Arbitraries.of(IrmsSchedule.rules());
    }

    @Provide
    Arbitrary<SubjectFacts> subjects() {
        Arbitrary<LocalDate> born = days().injectNull(0.2);
        Arbitrary<LocalDate> left = days().injectNull(0.5);
        Arbitrary<Map<String, LocalDate>> withdrawals = Arbitraries.maps(
                        Arbitraries.of(IrmsSchedule.PHOTO_AND_VIDEO_PURPOSES), days())
                .ofMaxSize(2);
        return Combinators.combine(born, left, withdrawals, Arbitraries.of(true, false))
                .as((b, l, w, known) -> new SubjectFacts(known ? new PupilFacts(b, l) : null, w, List.of()));
    }

    @Provide
    Arbitrary<HoldingFacts> holdings() {
        return Combinators.combine(
                        days(), Arbitraries.integers().between(0, 4000).injectNull(0.5))
                .as((created, closedAfter) -> new HoldingFacts(
                        "P1", created, closedAfter == null ? null : created.plusDays(closedAfter), null, null));
    }

    @Property
    void aPeriodIsNeverCutShortAndAtMostOneDayIsAdded(
            @ForAll("days") LocalDate anchor, @ForAll("periods") Period period) {
        LocalDate due = RetentionPeriods.dueAfter(anchor, period);
        LocalDate plain = anchor.plus(period);
        assertThat(due).isBetween(plain, plain.plusDays(1));
        if (anchor.getDayOfMonth() <= 28) {
            assertThat(due).isEqualTo(plain);
        }
    }

    @Property
    void aLaterStartNeverGivesAnEarlierDueDate(
            @ForAll("days") LocalDate a, @ForAll @IntRange(max = 800) int gap, @ForAll("periods") Period period) {
        assertThat(RetentionPeriods.dueAfter(a.plusDays(gap), period))
                .isAfterOrEqualTo(RetentionPeriods.dueAfter(a, period));
    }

    @Property
    void theAcademicYearEndsOnTheNext31AugustWithinAYear(@ForAll("days") LocalDate day) {
        LocalDate end = AcademicYear.endOf(day);
        assertThat(end.getMonth()).isEqualTo(Month.AUGUST);
        assertThat(end.getDayOfMonth()).isEqualTo(31);
        assertThat(end).isAfterOrEqualTo(day);
        assertThat(ChronoUnit.DAYS.between(day, end)).isLessThan(366);
    }

    @Property
    void anErasureNeverMovesALegalObligationRecord(
            @ForAll("defaults") RetentionRule rule,
            @ForAll("holdings") HoldingFacts holding,
            @ForAll("subjects") SubjectFacts subject,
            @ForAll("days") LocalDate approved) {
        SubjectFacts erased = new SubjectFacts(
                subject.pupil(), subject.withdrawals(), List.of(new Erasure("R-1", approved, List.of())));
        Due before = DueDates.compute(rule, holding, subject);
        Due after = DueDates.compute(rule, holding, erased);
        if (rule.basis() == LegalBasis.LEGAL_OBLIGATION) {
            assertThat(after.dueOn()).isEqualTo(before.dueOn());
            assertThat(after.action()).isEqualTo(before.action());
            assertThat(after.erasureNote()).contains("legal obligation");
        } else {
            assertThat(after.dueOn()).isNotNull().isBeforeOrEqualTo(approved);
        }
    }

    @Property
    void withdrawingConsentNeverDelaysARecord(
            @ForAll("defaults") RetentionRule rule,
            @ForAll("holdings") HoldingFacts holding,
            @ForAll("subjects") SubjectFacts subject,
            @ForAll("days") LocalDate withdrawn) {
        Due before = DueDates.compute(rule, holding, subject);
        SubjectFacts more = new SubjectFacts(
                subject.pupil(), Map.of("PHOTO_DISPLAY", withdrawn, "VIDEO_PERFORMANCES", withdrawn), List.of());
        Due after = DueDates.compute(rule, holding, more);
        if (before.hasDate() && subject.withdrawals().isEmpty()) {
            assertThat(after.dueOn()).isBeforeOrEqualTo(before.dueOn());
        }
        if (rule.code().equals(IrmsSchedule.PHOTOGRAPHS_AND_RECORDINGS)) {
            assertThat(after.dueOn()).isNotNull().isBeforeOrEqualTo(withdrawn);
        }
    }

    @Property
    void aReviewDateNeverBringsARecordForward(
            @ForAll("defaults") RetentionRule rule,
            @ForAll("holdings") HoldingFacts holding,
            @ForAll("subjects") SubjectFacts subject,
            @ForAll("days") LocalDate reviewOn) {
        SubjectFacts noEvents = new SubjectFacts(subject.pupil(), Map.of(), List.of());
        Due before = DueDates.compute(rule, holding, noEvents);
        HoldingFacts kept =
                new HoldingFacts(holding.pupilId(), holding.createdOn(), holding.closedOn(), null, reviewOn);
        Due after = DueDates.compute(rule, kept, noEvents);
        assertThat(after.dueOn()).isNotNull().isAfterOrEqualTo(reviewOn);
        if (before.hasDate()) {
            assertThat(after.dueOn()).isAfterOrEqualTo(before.dueOn());
        }
    }

    @Property
    void everyHoldingHasEitherADateAndActionOrAReasonToWait(
            @ForAll("defaults") RetentionRule rule,
            @ForAll("holdings") HoldingFacts holding,
            @ForAll("subjects") SubjectFacts subject) {
        Due due = DueDates.compute(rule, holding, subject);
        if (due.hasDate()) {
            assertThat(due.action()).isNotNull();
            assertThat(due.because()).isNotBlank();
            assertThat(due.waitingFor()).isNull();
        } else {
            assertThat(due.action()).isNull();
            assertThat(due.waitingFor()).isNotBlank();
        }
    }
}
