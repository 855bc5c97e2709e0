package org.custodian.sar.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.calendar.WorkingDays;
import org.custodian.sar.calendar.TermCalendar;

class DeadlinePropertiesTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 6).map(FIRST::plusDays);
    }

    @Provide
    Arbitrary<DeadlineFacts> facts() {
        Arbitrary<LocalDate> received = days();
        Arbitrary<Integer> identityDelay = Arbitraries.integers().between(0, 40).injectNull(0.5);
        Arbitrary<Integer> feeDelay = Arbitraries.integers().between(0, 40).injectNull(0.7);
        Arbitrary<List<int[]>> pauses = Arbitraries.integers()
                .between(0, 60)
                .tuple2()
                .map(t -> new int[] {t.get1(), t.get2()})
                .list()
                .ofMaxSize(3);
        Arbitrary<Integer> extension = Arbitraries.integers().between(0, 25).injectNull(0.6);
        Arbitrary<DeadlineRule> rule = Arbitraries.of(DeadlineRule.class);
        Arbitrary<Boolean> access = Arbitraries.of(true, false);
        return Combinators.combine(rule, received, identityDelay, feeDelay, pauses, extension, access)
                .as((r, rec, id, fee, ps, ext, sar) -> {
                    DeadlineFacts facts = DeadlineFacts.received(r, rec)
                            .withSubjectAccess(sar && r == DeadlineRule.ONE_CALENDAR_MONTH);
                    if (id != null) {
                        facts = facts.withIdentity(rec, rec.plusDays(id));
                    }
                    if (fee != null) {
                        facts = facts.withFee(rec, rec.plusDays(fee));
                    }
                    for (int[] p : ps) {
                        facts = facts.withPause(rec.plusDays(p[0]), rec.plusDays(p[0] + p[1]));
                    }
                    return ext == null ? facts : facts.withExtension(rec.plusDays(ext));
                });
    }

    private static Deadlines deadlines(Region region) {
        return new Deadlines(WorkingDays.in(region), WorkedExamplesTest.TERMS);
    }

    @Property(tries = 1500)
    void theDeadlineIsNeverBeforeTheStartAndAlwaysAWorkingDay(
            @ForAll("facts") DeadlineFacts facts, @ForAll Region region) {
        Deadline deadline = deadlines(region).compute(facts);
        assertThat(deadline.clock()).isEqualTo(Clock.RUNNING);
        assertThat(deadline.dueOn()).isAfter(deadline.startsOn());
        assertThat(deadline.startsOn()).isAfterOrEqualTo(facts.receivedOn());
        WorkingDays holidays = WorkingDays.in(region);
        assertThat(holidays.isWorkingDay(deadline.dueOn()))
                .as("%s is a working day", deadline.dueOn())
                .isTrue();
        if (facts.rule() == DeadlineRule.FIFTEEN_SCHOOL_DAYS) {
            assertThat(WorkedExamplesTest.TERMS.schoolDay(deadline.dueOn(), holidays))
                    .isNotEqualTo(TermCalendar.Answer.NOT_A_SCHOOL_DAY);
        }
    }

    @Property(tries = 1500)
    void aPauseNeverMovesTheDeadlineEarlier(
            @ForAll("facts") DeadlineFacts facts,
            @ForAll Region region,
            @ForAll @IntRange(min = 0, max = 60) int askedAfter,
            @ForAll @IntRange(min = 0, max = 60) int waited) {
        Deadlines deadlines = deadlines(region);
        LocalDate before = deadlines.compute(facts).dueOn();
        LocalDate asked = facts.receivedOn().plusDays(askedAfter);
        LocalDate after = deadlines
                .compute(facts.withPause(asked, asked.plusDays(waited)))
                .dueOn();
        assertThat(after).isAfterOrEqualTo(before);
    }

    /**
     * Without pauses a later start never gives an earlier deadline. (With a pause that began before a later start
     * it can: the days before the clock starts do not count, and month ends clamp, so 1 Jan with a 30-day pause is
     * 2 March but a start on 31 Jan is 29 February. That is the law's arithmetic, not a fault.)
     */
    @Property(tries = 1000)
    void aLaterStartNeverMovesTheDeadlineEarlier(
            @ForAll("facts") DeadlineFacts withPauses,
            @ForAll Region region,
            @ForAll @IntRange(min = 0, max = 60) int identityDelay) {
        DeadlineFacts facts = new DeadlineFacts(
                withPauses.rule(),
                withPauses.receivedOn(),
                null,
                null,
                withPauses.feeRequestedOn(),
                withPauses.feeReceivedOn(),
                List.of(),
                withPauses.extensionToldOn(),
                withPauses.subjectAccess());
        Deadlines deadlines = deadlines(region);
        LocalDate before = deadlines.compute(facts.withIdentity(null, null)).dueOn();
        LocalDate after = deadlines
                .compute(facts.withIdentity(
                        facts.receivedOn(), facts.receivedOn().plusDays(identityDelay)))
                .dueOn();
        assertThat(after).isAfterOrEqualTo(before);
    }

    @Property(tries = 1000)
    void anExtensionNeverShortensAndLandsWithinThreeMonthsAndAWeekPlusPauses(
            @ForAll("facts") DeadlineFacts facts, @ForAll Region region) {
        Deadlines deadlines = deadlines(region);
        Deadline plain = deadlines.compute(facts.withExtension(null));
        Deadline extended = deadlines.compute(facts.withExtension(facts.receivedOn()));
        assertThat(extended.dueOn()).isAfterOrEqualTo(plain.dueOn());
        if (facts.rule() == DeadlineRule.ONE_CALENDAR_MONTH) {
            assertThat(extended.dueOn())
                    .isBeforeOrEqualTo(extended.startsOn().plusMonths(3).plusDays(extended.pausedDays() + 7));
            assertThat(extended.firstMonthDueOn()).isEqualTo(plain.dueOn());
        }
    }

    @Property(tries = 1000)
    void oneMonthIsAtMostAMonthPlusPausesPlusAHolidayRun(@ForAll("facts") DeadlineFacts facts, @ForAll Region region) {
        if (facts.rule() == DeadlineRule.FIFTEEN_SCHOOL_DAYS) {
            return;
        }
        Deadline deadline = deadlines(region).compute(facts.withExtension(null));
        LocalDate unrolled = deadline.startsOn().plusMonths(1).plusDays(deadline.pausedDays());
        // the longest run of non-working days in the UK is Christmas on a Friday..Tuesday: at most 4 days roll forward
        assertThat(deadline.dueOn()).isBetween(unrolled, unrolled.plusDays(4));
    }
}
