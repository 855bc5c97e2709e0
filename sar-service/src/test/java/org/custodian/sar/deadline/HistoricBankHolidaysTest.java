package org.custodian.sar.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.calendar.WorkingDays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Backdated requests meet the one-off bank holidays of legal-rules.md ("Bank holidays"): a holiday moved for a jubilee or
 * VE Day frees the day the rules would have given, and an added one moves a deadline on. One calendar month from the day
 * received, then the next working day in England and Wales, worked by hand on the proclaimed dates.
 */
class HistoricBankHolidaysTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2012: Sun 27 May rolls to Mon 28 May, a working day (spring moved to 4 June) | 2012-04-27 | 2012-05-28
            2012: Mon 4 June (spring) and Tue 5 June (Diamond Jubilee) move it to Wed 6   | 2012-05-04 | 2012-06-06
            2020: Sun 3 May rolls to Mon 4 May, a working day (early May moved to Fri 8)  | 2020-04-03 | 2020-05-04
            2020: Fri 8 May (VE Day) moves it past the weekend to Mon 11 May              | 2020-04-08 | 2020-05-11
            2022: Sun 29 May rolls to Mon 30 May, a working day (spring moved to Thu 2 June) | 2022-04-29 | 2022-05-30
            2022: Thu 2 June (spring) and Fri 3 June (Platinum Jubilee) move it to Mon 6  | 2022-05-02 | 2022-06-06
            2022: Mon 19 September, the state funeral, moves it to Tue 20                 | 2022-08-19 | 2022-09-20
            2011: Fri 29 April (royal wedding), the weekend and Mon 2 May give Tue 3 May   | 2011-03-29 | 2011-05-03
            2002: Mon 3 June (Golden Jubilee) and Tue 4 June (spring) give Wed 5 June      | 2002-05-03 | 2002-06-05
            2023: Mon 8 May, the coronation, moves it to Tue 9 May                        | 2023-04-08 | 2023-05-09
            """)
    void oneCalendarMonthRollsForwardOnTheProclaimedHolidays(String example, LocalDate received, LocalDate due) {
        Deadline deadline = new Deadlines(WorkingDays.in(Region.ENGLAND_AND_WALES))
                .compute(DeadlineFacts.received(DeadlineRule.ONE_CALENDAR_MONTH, received));
        assertThat(deadline.dueOn()).as(example + ": " + deadline.workings()).isEqualTo(due);
    }

    @Test
    void theMillenniumHolidayAndTheNewYearSubstituteFollowEachOther() {
        // 30 Nov 1999 + one month = Thu 30 Dec, + a clarification asked and answered on 1 Dec (one day excluded) =
        // Fri 31 Dec (millennium); 1 Jan 2000 is a Saturday, so New Year's Day is held on Mon 3 Jan: due Tue 4 Jan
        Deadline deadline = new Deadlines(WorkingDays.in(Region.ENGLAND_AND_WALES))
                .compute(DeadlineFacts.subjectAccess(LocalDate.of(1999, 11, 30))
                        .withPause(LocalDate.of(1999, 12, 1), LocalDate.of(1999, 12, 1)));
        assertThat(deadline.dueOn()).as("%s", deadline.workings()).isEqualTo("2000-01-04");
        assertThat(deadline.workings()).anyMatch(w -> w.contains("Data Protection Act 1998"));
    }

    @Test
    void theMillenniumHolidayAloneMovesADeadline() {
        // 30 Nov 1999 + one month = Thu 30 Dec, a working day; 1 Dec 1999 + one month = Fri 31 Dec (millennium),
        // then Sat 1, Sun 2 and the New Year substitute Mon 3 Jan 2000: due Tue 4 Jan
        Deadlines ew = new Deadlines(WorkingDays.in(Region.ENGLAND_AND_WALES));
        assertThat(ew.compute(DeadlineFacts.received(DeadlineRule.ONE_CALENDAR_MONTH, LocalDate.of(1999, 11, 30)))
                        .dueOn())
                .isEqualTo("1999-12-30");
        assertThat(ew.compute(DeadlineFacts.received(DeadlineRule.ONE_CALENDAR_MONTH, LocalDate.of(1999, 12, 1)))
                        .dueOn())
                .isEqualTo("2000-01-04");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the one-offs are every region's: Scotland, 2022 state funeral         | SCOTLAND         | 2022-08-19 | 2022-09-20
            the one-offs are every region's: Northern Ireland, 2012 Diamond Jubilee | NORTHERN_IRELAND | 2012-05-04 | 2012-06-06
            """)
    void everyRegionKeepsTheOneOffs(String example, Region region, LocalDate received, LocalDate due) {
        Deadline deadline = new Deadlines(WorkingDays.in(region))
                .compute(DeadlineFacts.received(DeadlineRule.ONE_CALENDAR_MONTH, received));
        assertThat(deadline.dueOn()).as(example + ": " + deadline.workings()).isEqualTo(due);
    }
}
