package org.custodian.sar.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.platform.calendar.BankHolidays;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.calendar.WorkingDays;
import org.custodian.sar.calendar.TermCalendar;

/**
 * "Never later than the statutory date": over random requests, clarifications and fees, the computed deadline is never
 * after the date the rule text gives, worked here independently of {@link Deadlines} from legal-rules.md:
 *
 * <ul>
 *   <li>UK GDPR Art. 12A(3): the month runs from the latest of receipt, identity confirmed (where asked) and the fee
 *   received (where asked within the time limit: Art. 12(4)).</li>
 *   <li>One calendar month: the corresponding date of the next month, or its last day.</li>
 *   <li>Art. 12A(5), subject access only: plus every day from the day clarification was asked to the day it was
 *   answered, both included, counting only days from the start, each day once.</li>
 *   <li>Then the next day that is neither a Saturday, a Sunday nor a bank holiday of the region.</li>
 *   <li>Educational record: the 15th school day after receipt, whatever was asked or paid.</li>
 *   <li>Complaint acknowledgement (DPA 2018 s.164A(3), as the ICO counts): receipt + 30 days, then the next working
 *   day.</li>
 * </ul>
 */
class StatutoryDatePropertiesTest {

    private static final LocalDate FIRST = LocalDate.of(2018, 6, 1);

    record Request(
            DeadlineRule rule,
            boolean access,
            LocalDate received,
            Integer identityAfter,
            Integer identityTook,
            Integer feeAskedAfter,
            Integer feeTook,
            List<int[]> clarifications) {

        DeadlineFacts facts() {
            DeadlineFacts facts = DeadlineFacts.received(rule, received).withSubjectAccess(access);
            if (identityAfter != null) {
                LocalDate asked = received.plusDays(identityAfter);
                facts = facts.withIdentity(asked, asked.plusDays(identityTook));
            }
            if (feeAskedAfter != null) {
                LocalDate asked = received.plusDays(feeAskedAfter);
                facts = facts.withFee(asked, feeTook == null ? null : asked.plusDays(feeTook));
            }
            for (int[] c : clarifications) {
                LocalDate asked = received.plusDays(c[0]);
                facts = facts.withPause(asked, asked.plusDays(c[1]));
            }
            return facts;
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<DeadlineRule> rule = Arbitraries.of(DeadlineRule.class);
        Arbitrary<Boolean> access = Arbitraries.of(true, false);
        Arbitrary<LocalDate> received =
                Arbitraries.integers().between(0, 365 * 12).map(FIRST::plusDays);
        Arbitrary<int[]> identity = Arbitraries.integers()
                .between(0, 20)
                .tuple2()
                .map(t -> new int[] {t.get1(), t.get2()})
                .injectNull(0.5);
        // fees asked any time up to two months in (many after the deadline); a late one sometimes never paid
        Arbitrary<int[]> fee = Arbitraries.integers()
                .between(0, 60)
                .tuple2()
                .map(t -> new int[] {t.get1(), t.get2() % 25})
                .injectNull(0.5);
        Arbitrary<Boolean> feePaid = Arbitraries.of(true, false);
        Arbitrary<List<int[]>> clarifications = Arbitraries.integers()
                .between(0, 40)
                .tuple2()
                .map(t -> new int[] {t.get1(), t.get2()})
                .list()
                .ofMaxSize(3);
        return Combinators.combine(rule, access, received, identity, fee, feePaid, clarifications)
                .as((r, a, rec, id, f, paid, cs) -> new Request(
                        r,
                        a && r == DeadlineRule.ONE_CALENDAR_MONTH,
                        rec,
                        id == null ? null : id[0],
                        id == null ? null : id[1],
                        f == null ? null : f[0],
                        f == null ? null : (paid ? Integer.valueOf(f[1]) : null),
                        cs));
    }

    @Property(tries = 3000)
    void neverLaterThanTheStatutoryDate(@ForAll("requests") Request request, @ForAll Region region) {
        Deadline deadline = new Deadlines(WorkingDays.in(region), WorkedExamplesTest.TERMS).compute(request.facts());
        LocalDate statutory = statutory(request, region);
        if (statutory == null) {
            // the law gives no date yet (a fee asked in time and not paid): neither does the suite
            assertThat(deadline.dueOn()).isNull();
            return;
        }
        assertThat(deadline.dueOn())
                .as("%s: %s", request, deadline.workings())
                .isNotNull()
                .isBeforeOrEqualTo(statutory);
        if (request.rule() == DeadlineRule.COMPLAINT) {
            assertThat(deadline.acknowledgeBy())
                    .isBeforeOrEqualTo(nextWorkingDay(request.received().plusDays(30), region));
        }
    }

    /** The date the rule text gives, or null while a fee asked for in time is unpaid. */
    static LocalDate statutory(Request q, Region region) {
        if (q.rule() == DeadlineRule.FIFTEEN_SCHOOL_DAYS) {
            WorkingDays working = WorkingDays.in(region);
            LocalDate day = q.received();
            int counted = 0;
            while (counted < 15) {
                day = day.plusDays(1);
                if (WorkedExamplesTest.TERMS.schoolDay(day, working) != TermCalendar.Answer.NOT_A_SCHOOL_DAY) {
                    counted++;
                }
            }
            return day;
        }
        LocalDate identity =
                q.identityAfter() == null ? q.received() : q.received().plusDays(q.identityAfter() + q.identityTook());
        LocalDate withoutFee = monthFrom(q, region, later(q.received(), identity));
        LocalDate start = later(q.received(), identity);
        if (q.feeAskedAfter() != null) {
            LocalDate asked = q.received().plusDays(q.feeAskedAfter());
            if (!asked.isAfter(withoutFee)) { // Art. 12(4): a fee asked for in time
                if (q.feeTook() == null) {
                    return null;
                }
                start = later(start, asked.plusDays(q.feeTook()));
            }
        }
        return monthFrom(q, region, start);
    }

    private static LocalDate monthFrom(Request q, Region region, LocalDate start) {
        YearMonth next = YearMonth.from(start).plusMonths(1);
        LocalDate corresponding = next.atDay(Math.min(start.getDayOfMonth(), next.lengthOfMonth()));
        java.util.Set<LocalDate> excluded = new java.util.TreeSet<>();
        if (q.access()) {
            for (int[] c : q.clarifications()) {
                LocalDate asked = q.received().plusDays(c[0]);
                LocalDate answered = asked.plusDays(c[1]);
                for (LocalDate d = asked; !d.isAfter(answered); d = d.plusDays(1)) {
                    if (!d.isBefore(start)) {
                        excluded.add(d);
                    }
                }
            }
        }
        return nextWorkingDay(corresponding.plusDays(excluded.size()), region);
    }

    private static LocalDate nextWorkingDay(LocalDate day, Region region) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY
                || d.getDayOfWeek() == DayOfWeek.SUNDAY
                || BankHolidays.isBankHoliday(region, d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b.isAfter(a) ? b : a;
    }
}
