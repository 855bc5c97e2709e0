package org.custodian.sar.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.calendar.WorkingDays;
import org.custodian.sar.calendar.TermCalendar;
import org.custodian.sar.calendar.TermCalendar.Entry;
import org.custodian.sar.calendar.TermCalendar.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deadline table of legal-rules.md, worked by hand (and checked against an independent calculation) before it
 * was written here. Columns: what the example shows, the region, the day received, identity asked/confirmed, fee
 * asked/received, clarification pauses ({@code asked/answered;...}), the day an extension was told, the due date.
 */
class WorkedExamplesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            corresponding date                                   | ENGLAND_AND_WALES | 2026-03-02 | -          | -          | -          | -          | -                     | -          | 2026-04-02
            lands on Good Friday, Easter Monday follows           | ENGLAND_AND_WALES | 2026-03-03 | -          | -          | -          | -          | -                     | -          | 2026-04-07
            31 Jan to a Saturday 28 Feb in a common year          | ENGLAND_AND_WALES | 2026-01-31 | -          | -          | -          | -          | -                     | -          | 2026-03-02
            31 Jan to 29 Feb in a leap year                        | ENGLAND_AND_WALES | 2028-01-31 | -          | -          | -          | -          | -                     | -          | 2028-02-29
            29 Feb to 29 Mar                                       | ENGLAND_AND_WALES | 2028-02-29 | -          | -          | -          | -          | -                     | -          | 2028-03-29
            29 Jan in a common year: no 29 Feb, last day a Sunday  | ENGLAND_AND_WALES | 2027-01-29 | -          | -          | -          | -          | -                     | -          | 2027-03-01
            30 Jan in a leap year to 29 Feb                        | ENGLAND_AND_WALES | 2028-01-30 | -          | -          | -          | -          | -                     | -          | 2028-02-29
            28 Feb to a Sunday before Easter Monday                | ENGLAND_AND_WALES | 2027-02-28 | -          | -          | -          | -          | -                     | -          | 2027-03-30
            31 Mar: April has no 31st                              | ENGLAND_AND_WALES | 2026-03-31 | -          | -          | -          | -          | -                     | -          | 2026-04-30
            received on a bank holiday still counts                | ENGLAND_AND_WALES | 2026-08-31 | -          | -          | -          | -          | -                     | -          | 2026-09-30
            received on a Saturday                                 | ENGLAND_AND_WALES | 2026-10-31 | -          | -          | -          | -          | -                     | -          | 2026-11-30
            Scotland: St Andrew's Day is a holiday                 | SCOTLAND          | 2026-10-31 | -          | -          | -          | -          | -                     | -          | 2026-12-01
            Christmas on a Friday, Boxing Day substitute Monday    | ENGLAND_AND_WALES | 2026-11-25 | -          | -          | -          | -          | -                     | -          | 2026-12-29
            Christmas Eve is a working day                         | ENGLAND_AND_WALES | 2027-11-24 | -          | -          | -          | -          | -                     | -          | 2027-12-24
            Christmas on a Saturday: 27 and 28 Dec substitutes     | ENGLAND_AND_WALES | 2027-11-25 | -          | -          | -          | -          | -                     | -          | 2027-12-29
            New Year's Day on a Friday                             | ENGLAND_AND_WALES | 2026-12-01 | -          | -          | -          | -          | -                     | -          | 2027-01-04
            Scotland: 2 January substitute on the Monday           | SCOTLAND          | 2026-12-01 | -          | -          | -          | -          | -                     | -          | 2027-01-05
            Friday before a bank holiday Monday stays              | ENGLAND_AND_WALES | 2026-04-01 | -          | -          | -          | -          | -                     | -          | 2026-05-01
            Saturday before a bank holiday Monday goes to Tuesday  | ENGLAND_AND_WALES | 2026-04-02 | -          | -          | -          | -          | -                     | -          | 2026-05-05
            Sunday before the summer bank holiday                  | ENGLAND_AND_WALES | 2026-07-30 | -          | -          | -          | -          | -                     | -          | 2026-09-01
            Good Friday, England and Wales                         | ENGLAND_AND_WALES | 2027-02-26 | -          | -          | -          | -          | -                     | -          | 2027-03-30
            Good Friday, Scotland has no Easter Monday             | SCOTLAND          | 2027-02-26 | -          | -          | -          | -          | -                     | -          | 2027-03-29
            clarification asked on the 10th, answered on the 20th  | ENGLAND_AND_WALES | 2026-06-01 | -          | -          | -          | -          | 2026-06-10/2026-06-20 | -          | 2026-07-13
            the same in Northern Ireland: the Boyne substitute     | NORTHERN_IRELAND  | 2026-06-01 | -          | -          | -          | -          | 2026-06-10/2026-06-20 | -          | 2026-07-14
            a pause across a month end: 9 days, both ends included | ENGLAND_AND_WALES | 2026-01-15 | -          | -          | -          | -          | 2026-01-28/2026-02-05 | -          | 2026-02-24
            10th to 20th excludes 11 days: 3 Apr + 11 = Tue 14 Apr | ENGLAND_AND_WALES | 2026-03-03 | -          | -          | -          | -          | 2026-03-10/2026-03-20 | -          | 2026-04-14
            asked and answered the same day excludes that day      | ENGLAND_AND_WALES | 2026-03-09 | -          | -          | -          | -          | 2026-03-10/2026-03-10 | -          | 2026-04-10
            a pause across two month ends                          | ENGLAND_AND_WALES | 2026-01-20 | -          | -          | -          | -          | 2026-01-25/2026-03-03 | -          | 2026-03-30
            two pauses add up                                      | ENGLAND_AND_WALES | 2026-01-05 | -          | -          | -          | -          | 2026-01-07/2026-01-09;2026-01-12/2026-01-19 | - | 2026-02-16
            identity asked and confirmed later                     | ENGLAND_AND_WALES | 2026-03-02 | 2026-03-03 | 2026-03-10 | -          | -          | -                     | -          | 2026-04-10
            identity confirmed without being asked: no later start | ENGLAND_AND_WALES | 2026-03-02 | -          | 2026-03-10 | -          | -          | -                     | -          | 2026-04-02
            fee received starts the clock                          | ENGLAND_AND_WALES | 2026-03-02 | -          | -          | 2026-03-04 | 2026-03-20 | -                     | -          | 2026-04-20
            the latest of identity and fee                         | ENGLAND_AND_WALES | 2026-03-02 | 2026-03-03 | 2026-03-12 | 2026-03-04 | 2026-03-09 | -                     | -          | 2026-04-13
            extension: three months from the start                 | ENGLAND_AND_WALES | 2026-03-10 | -          | -          | -          | -          | -                     | 2026-04-01 | 2026-06-10
            extension from 30 Nov to a Sunday 28 Feb               | ENGLAND_AND_WALES | 2026-11-30 | -          | -          | -          | -          | -                     | 2026-12-15 | 2027-03-01
            extension and a pause of 11 days                       | ENGLAND_AND_WALES | 2026-10-31 | -          | -          | -          | -          | 2026-11-02/2026-11-12 | 2026-11-20 | 2027-02-11
            a fee asked for after the deadline moves nothing       | ENGLAND_AND_WALES | 2026-03-02 | -          | -          | 2026-04-10 | 2026-04-15 | -                     | -          | 2026-04-02
            the same, the late fee never paid                      | ENGLAND_AND_WALES | 2026-03-02 | -          | -          | 2026-04-10 | -          | -                     | -          | 2026-04-02
            """)
    void oneCalendarMonth(
            String example,
            Region region,
            LocalDate received,
            LocalDate identityAsked,
            LocalDate identityConfirmed,
            LocalDate feeAsked,
            LocalDate feeReceived,
            String pauses,
            LocalDate extensionTold,
            LocalDate due) {
        DeadlineFacts facts = new DeadlineFacts(
                DeadlineRule.ONE_CALENDAR_MONTH,
                received,
                identityAsked,
                identityConfirmed,
                feeAsked,
                feeReceived,
                pauses(pauses),
                extensionTold,
                true);
        Deadline deadline = new Deadlines(WorkingDays.in(region)).compute(facts);
        assertThat(deadline.dueOn()).as(example + ": " + deadline.workings()).isEqualTo(due);
        assertThat(deadline.clock()).isEqualTo(Clock.RUNNING);
    }

    @Test
    void extensionKeepsTheFirstMonthDeadlineForTheNoticeCheck() {
        Deadline deadline = ew().compute(
                        DeadlineFacts.received(DeadlineRule.ONE_CALENDAR_MONTH, LocalDate.parse("2026-03-10"))
                                .withExtension(LocalDate.parse("2026-04-01")));
        assertThat(deadline.extended()).isTrue();
        assertThat(deadline.firstMonthDueOn()).isEqualTo("2026-04-10");
        assertThat(deadline.unadjustedDueOn()).isEqualTo("2026-06-10");
    }

    @Test
    void aDayInTwoClarificationsIsExcludedOnceAndTheWorkingsSaySo() {
        Deadline deadline = ew().compute(new DeadlineFacts(
                DeadlineRule.ONE_CALENDAR_MONTH,
                LocalDate.parse("2026-03-03"),
                null,
                null,
                null,
                null,
                List.of(
                        new Pause(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-20")),
                        new Pause(LocalDate.parse("2026-03-20"), LocalDate.parse("2026-03-22"))),
                null,
                true));
        // 10th to 22nd is 13 days, the 20th once: 3 Apr + 13 = Thu 16 Apr
        assertThat(deadline.dueOn()).as("%s", deadline.workings()).isEqualTo("2026-04-16");
        assertThat(deadline.workings())
                .anyMatch(w -> w.contains("answered 2026-03-20") && w.endsWith("11 days."))
                .anyMatch(w -> w.contains("answered 2026-03-22") && w.contains("2 days not already excluded"));
    }

    @Test
    void identityAskedButNotConfirmedHasNoDeadlineYet() {
        Deadline deadline = ew().compute(
                        DeadlineFacts.received(DeadlineRule.ONE_CALENDAR_MONTH, LocalDate.parse("2026-03-02"))
                                .withIdentity(LocalDate.parse("2026-03-03"), null));
        assertThat(deadline.clock()).isEqualTo(Clock.NOT_STARTED);
        assertThat(deadline.dueOn()).isNull();
        assertThat(deadline.workings()).anyMatch(w -> w.contains("starts when it is confirmed"));
    }

    @Test
    void feeAskedButNotPaidHasNoDeadlineYet() {
        Deadline deadline = ew().compute(
                        DeadlineFacts.received(DeadlineRule.ONE_CALENDAR_MONTH, LocalDate.parse("2026-03-02"))
                                .withFee(LocalDate.parse("2026-03-04"), null));
        assertThat(deadline.clock()).isEqualTo(Clock.NOT_STARTED);
        assertThat(deadline.dueOn()).isNull();
    }

    @Test
    void anOpenClarificationPausesTheClock() {
        Deadline deadline = ew().compute(DeadlineFacts.subjectAccess(LocalDate.parse("2026-03-02"))
                .withPause(LocalDate.parse("2026-03-05"), null));
        assertThat(deadline.clock()).isEqualTo(Clock.PAUSED);
        assertThat(deadline.dueOn()).isNull();
        assertThat(deadline.startsOn()).isEqualTo("2026-03-02");
    }

    // --- Art. 12A(5): the clock stops only for a subject access request ---

    @Test
    void clarificationOfAnErasureRequestIsRecordedButMovesNothing() {
        // erasure received Thu 1 Oct 2026, clarification asked 5 Oct, answered 30 Oct: one month is Sun 1 Nov, rolled
        // to Mon 2 Nov (not 26 Nov, as when every request type paused)
        Deadline deadline = ew().compute(
                        DeadlineFacts.received(DeadlineRule.ONE_CALENDAR_MONTH, LocalDate.parse("2026-10-01"))
                                .withPause(LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-30")));
        assertThat(deadline.dueOn()).as("%s", deadline.workings()).isEqualTo("2026-11-02");
        assertThat(deadline.pausedDays()).isZero();
        assertThat(deadline.workings()).anyMatch(w -> w.contains("recorded; the clock does not stop"));
    }

    @Test
    void theSameClarificationOfASubjectAccessRequestExcludesBothDays() {
        // 5 to 30 Oct inclusive = 26 days: 1 Nov + 26 = Fri 27 Nov 2026
        Deadline deadline = ew().compute(DeadlineFacts.subjectAccess(LocalDate.parse("2026-10-01"))
                .withPause(LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-30")));
        assertThat(deadline.pausedDays()).isEqualTo(26);
        assertThat(deadline.dueOn()).as("%s", deadline.workings()).isEqualTo("2026-11-27");
    }

    @Test
    void anOpenClarificationOfAnotherRequestLeavesTheClockRunning() {
        Deadline deadline = ew().compute(
                        DeadlineFacts.received(DeadlineRule.ONE_CALENDAR_MONTH, LocalDate.parse("2026-03-02"))
                                .withPause(LocalDate.parse("2026-03-05"), null));
        assertThat(deadline.clock()).isEqualTo(Clock.RUNNING);
        assertThat(deadline.dueOn()).isEqualTo("2026-04-02");
    }

    @Test
    void aComplaintNeverPauses() {
        Deadline deadline = ew().compute(DeadlineFacts.received(DeadlineRule.COMPLAINT, LocalDate.parse("2026-10-01"))
                .withPause(LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-30")));
        assertThat(deadline.dueOn()).isEqualTo("2026-11-02");
    }

    @Test
    void theWorkingsSayWhichRegimeApplied() {
        Deadline before = ew().compute(DeadlineFacts.subjectAccess(LocalDate.parse("2026-02-04")));
        Deadline from = ew().compute(DeadlineFacts.subjectAccess(LocalDate.parse("2026-02-05")));
        assertThat(before.workings().get(0)).contains("before 5 February 2026").contains("ICO's guidance");
        assertThat(from.workings().get(0))
                .contains("on or after 5 February 2026")
                .contains("Art. 12A");
        Deadline gdpr1998 = ew().compute(DeadlineFacts.subjectAccess(LocalDate.parse("2012-04-27")));
        assertThat(gdpr1998.workings().get(0)).contains("Data Protection Act 1998");
    }

    @Test
    void aLateFeeSaysWhyItMovesNothing() {
        Deadline deadline = ew().compute(DeadlineFacts.subjectAccess(LocalDate.parse("2026-03-02"))
                .withFee(LocalDate.parse("2026-04-10"), null));
        assertThat(deadline.clock()).isEqualTo(Clock.RUNNING);
        assertThat(deadline.dueOn()).isEqualTo("2026-04-02");
        assertThat(deadline.workings()).anyMatch(w -> w.contains("Art. 12(4)"));
    }

    @Test
    void aComplaintIsAcknowledgedWithinThirtyDaysAndAnsweredByTheMonthTarget() {
        Deadline deadline = ew().compute(DeadlineFacts.received(DeadlineRule.COMPLAINT, LocalDate.parse("2026-06-19")));
        // 30 days from the day after receipt end on Sunday 19 July 2026: as the ICO counts, the next working day
        assertThat(deadline.acknowledgeBy()).isEqualTo("2026-07-20");
        assertThat(deadline.workings()).anyMatch(w -> w.contains("as the ICO counts") && w.contains("2026-07-20"));
        assertThat(deadline.dueOn()).isEqualTo("2026-07-20");
    }

    @Test
    void aComplaintAcknowledgementEndingOnABankHolidayRollsForward() {
        // received Sat 1 Aug 2026: day 30 is Mon 31 Aug, the summer bank holiday: acknowledge by Tue 1 Sep
        Deadline deadline = ew().compute(DeadlineFacts.received(DeadlineRule.COMPLAINT, LocalDate.parse("2026-08-01")));
        assertThat(deadline.acknowledgeBy()).isEqualTo("2026-09-01");
    }

    @Test
    void aComplaintCannotBeExtended() {
        Deadline deadline = ew().compute(DeadlineFacts.received(DeadlineRule.COMPLAINT, LocalDate.parse("2026-03-10"))
                .withExtension(LocalDate.parse("2026-03-20")));
        assertThat(deadline.extended()).isFalse();
        assertThat(deadline.dueOn()).isEqualTo("2026-04-10");
    }

    // --- fifteen school days, on a term calendar for 2025/26 and 2026/27 ---

    static final TermCalendar TERMS = new TermCalendar(List.of(
            new Entry(Kind.TERM, "Summer 2026", LocalDate.parse("2026-04-20"), LocalDate.parse("2026-07-22")),
            new Entry(Kind.HOLIDAY, "Summer half-term", LocalDate.parse("2026-05-25"), LocalDate.parse("2026-05-29")),
            new Entry(Kind.TERM, "Autumn 2026", LocalDate.parse("2026-09-03"), LocalDate.parse("2026-12-18")),
            new Entry(Kind.HOLIDAY, "Autumn half-term", LocalDate.parse("2026-10-26"), LocalDate.parse("2026-10-30")),
            new Entry(Kind.TERM, "Spring 2027", LocalDate.parse("2027-01-04"), LocalDate.parse("2027-03-26"))));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Monday with no holidays ahead: the Monday three weeks later | 2026-09-07 | -                     | -          | 2026-09-28
            across the autumn half-term                                 | 2026-10-19 | -                     | -          | 2026-11-16
            across the half-term and an INSET day                       | 2026-10-19 | -                     | 2026-11-02 | 2026-11-17
            across the Christmas holidays                               | 2026-12-07 | -                     | -          | 2027-01-11
            across Christmas with an INSET day on the first day back    | 2026-12-07 | -                     | 2027-01-04 | 2027-01-12
            received in the half-term holiday                           | 2026-10-24 | -                     | -          | 2026-11-20
            the early May bank holiday in term                          | 2026-04-20 | -                     | -          | 2026-05-12
            a clarification never pauses the school days                | 2026-09-07 | 2026-09-09/2026-09-14 | -          | 2026-09-28
            an open clarification never pauses them either              | 2026-09-07 | 2026-09-09/open       | -          | 2026-09-28
            """)
    void fifteenSchoolDays(String example, LocalDate received, String pauses, LocalDate inset, LocalDate due) {
        List<Entry> entries = new ArrayList<>(TERMS.entries());
        if (inset != null) {
            entries.add(new Entry(Kind.INSET, "INSET", inset, inset));
        }
        Deadlines deadlines = new Deadlines(WorkingDays.in(Region.ENGLAND_AND_WALES), new TermCalendar(entries));
        Deadline deadline = deadlines.compute(new DeadlineFacts(
                DeadlineRule.FIFTEEN_SCHOOL_DAYS, received, null, null, null, null, pauses(pauses), null, false));
        assertThat(deadline.dueOn()).as(example + ": " + deadline.workings()).isEqualTo(due);
        assertThat(deadline.clock()).isEqualTo(Clock.RUNNING);
        assertThat(deadline.assumedSchoolDays()).isZero();
    }

    @Test
    void withoutATermCalendarEveryWorkingDayCountsAndTheDeadlineSaysSo() {
        Deadline deadline =
                ew().compute(DeadlineFacts.received(DeadlineRule.FIFTEEN_SCHOOL_DAYS, LocalDate.parse("2026-09-07")));
        assertThat(deadline.dueOn()).isEqualTo("2026-09-28");
        assertThat(deadline.assumedSchoolDays()).isEqualTo(15);
        assertThat(deadline.workings()).anyMatch(w -> w.contains("outside the school's term calendar"));
    }

    @Test
    void aFeeForACopyOfTheEducationalRecordNeverRestartsTheSchoolDays() {
        Deadlines deadlines = new Deadlines(WorkingDays.in(Region.ENGLAND_AND_WALES), TERMS);
        DeadlineFacts received =
                DeadlineFacts.received(DeadlineRule.FIFTEEN_SCHOOL_DAYS, LocalDate.parse("2026-09-07"));
        Deadline asked = deadlines.compute(received.withFee(LocalDate.parse("2026-09-08"), null));
        Deadline paid =
                deadlines.compute(received.withFee(LocalDate.parse("2026-09-08"), LocalDate.parse("2026-09-21")));
        assertThat(asked.clock()).isEqualTo(Clock.RUNNING);
        assertThat(asked.dueOn()).isEqualTo("2026-09-28");
        assertThat(paid.dueOn()).isEqualTo("2026-09-28");
        assertThat(paid.workings()).anyMatch(w -> w.contains("do not move the 15 school days"));
    }

    @Test
    void schoolDaysCannotBeExtended() {
        Deadlines deadlines = new Deadlines(WorkingDays.in(Region.ENGLAND_AND_WALES), TERMS);
        Deadline deadline = deadlines.compute(
                DeadlineFacts.received(DeadlineRule.FIFTEEN_SCHOOL_DAYS, LocalDate.parse("2026-09-07"))
                        .withExtension(LocalDate.parse("2026-09-10")));
        assertThat(deadline.extended()).isFalse();
        assertThat(deadline.dueOn()).isEqualTo("2026-09-28");
    }

    private static Deadlines ew() {
        return new Deadlines(WorkingDays.in(Region.ENGLAND_AND_WALES));
    }

    static List<Pause> pauses(String text) {
        List<Pause> pauses = new ArrayList<>();
        if (text != null) {
            for (String pair : text.split(";")) {
                String[] days = pair.trim().split("/");
                pauses.add(
                        new Pause(LocalDate.parse(days[0]), days[1].equals("open") ? null : LocalDate.parse(days[1])));
            }
        }
        return pauses;
    }
}
