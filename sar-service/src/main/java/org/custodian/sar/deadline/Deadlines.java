package org.custodian.sar.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodian.platform.calendar.BankHolidays;
import org.custodian.platform.calendar.WorkingDays;
import org.custodian.sar.calendar.TermCalendar;

/**
 * The statutory deadline arithmetic of legal-rules.md, in plain Java.
 *
 * <ul>
 *   <li>Start: the latest of the day received, the day identity was confirmed (where it was asked for) and the day a
 *   fee arrived (where one was asked for).</li>
 *   <li>One calendar month: to the corresponding date of the next month, or that month's last day where it has no
 *   such date; plus the days the clock was paused for clarification; then a weekend or bank holiday moves it to the
 *   next working day. An extension makes it three months from the start, counted the same way.</li>
 *   <li>Fifteen school days: counted on the school's term calendar from the first school day after the start; school
 *   days while the clock is paused are not counted; no extension.</li>
 *   <li>Complaints: acknowledged within 30 days of receipt (no roll-forward: the statute says within 30 days), and
 *   answered by the one-month target.</li>
 * </ul>
 */
public final class Deadlines {

    public static final int SCHOOL_DAYS = 15;
    public static final int COMPLAINT_ACKNOWLEDGEMENT_DAYS = 30;
    public static final int EXTENDED_MONTHS = 3;
    /** No term calendar leaves a school without school days for two years: past that, the calendar is wrong. */
    private static final int SCHOOL_DAY_SEARCH_LIMIT = 730;

    private final WorkingDays workingDays;
    private final TermCalendar terms;

    public Deadlines(WorkingDays workingDays, TermCalendar terms) {
        this.workingDays = workingDays;
        this.terms = terms == null ? TermCalendar.EMPTY : terms;
    }

    public Deadlines(WorkingDays workingDays) {
        this(workingDays, TermCalendar.EMPTY);
    }

    public Deadline compute(DeadlineFacts facts) {
        List<String> workings = new ArrayList<>();
        LocalDate acknowledgeBy = null;
        if (facts.rule() == DeadlineRule.COMPLAINT) {
            acknowledgeBy = facts.receivedOn().plusDays(COMPLAINT_ACKNOWLEDGEMENT_DAYS);
            workings.add("Complaint received " + facts.receivedOn() + ": acknowledge it by " + acknowledgeBy
                    + " (within 30 days, DPA 2018 s.164A).");
        }
        if (facts.identityRequestedOn() != null && facts.identityConfirmedOn() == null) {
            workings.add("Identity was asked for on " + facts.identityRequestedOn()
                    + ": the clock starts when it is confirmed.");
            return notStarted(facts, acknowledgeBy, workings);
        }
        if (facts.feeRequestedOn() != null && facts.feeReceivedOn() == null) {
            workings.add(
                    "A fee was asked for on " + facts.feeRequestedOn() + ": the clock starts when it is received.");
            return notStarted(facts, acknowledgeBy, workings);
        }
        LocalDate start = start(facts, workings);
        boolean paused = facts.pauses().stream().anyMatch(Pause::isOpen);
        return facts.rule() == DeadlineRule.FIFTEEN_SCHOOL_DAYS
                ? schoolDays(facts, start, paused, workings)
                : calendarMonths(facts, start, paused, acknowledgeBy, workings);
    }

    private static Deadline notStarted(DeadlineFacts facts, LocalDate acknowledgeBy, List<String> workings) {
        return new Deadline(
                facts.rule(),
                Clock.NOT_STARTED,
                null,
                null,
                0,
                null,
                null,
                false,
                acknowledgeBy,
                0,
                List.copyOf(workings));
    }

    private static LocalDate start(DeadlineFacts facts, List<String> workings) {
        LocalDate start = facts.receivedOn();
        String why = "received";
        if (facts.identityRequestedOn() != null && facts.identityConfirmedOn().isAfter(start)) {
            start = facts.identityConfirmedOn();
            why = "identity confirmed";
        }
        if (facts.feeRequestedOn() != null && facts.feeReceivedOn().isAfter(start)) {
            start = facts.feeReceivedOn();
            why = "fee received";
        }
        workings.add("Received " + facts.receivedOn() + "; the clock starts on " + start + " (" + why + ").");
        return start;
    }

    private Deadline calendarMonths(
            DeadlineFacts facts, LocalDate start, boolean paused, LocalDate acknowledgeBy, List<String> workings) {
        boolean extended = facts.rule() == DeadlineRule.ONE_CALENDAR_MONTH && facts.extensionToldOn() != null;
        int months = extended ? EXTENDED_MONTHS : 1;
        LocalDate unadjusted = start.plusMonths(months);
        workings.add((extended ? "Extended: three calendar months" : "One calendar month") + " from " + start + " is "
                + unadjusted
                + (unadjusted.getDayOfMonth() != start.getDayOfMonth()
                        ? " (that month has no " + ordinal(start.getDayOfMonth()) + ": its last day)"
                        : "")
                + ".");
        long pausedDays = pausedDays(facts, start, workings);
        LocalDate firstMonth = workingDays.onOrNext(start.plusMonths(1).plusDays(pausedDays));
        if (paused) {
            workings.add(
                    "Waiting for clarification: the clock is paused and the deadline moves on by the days it waits.");
            return new Deadline(
                    facts.rule(),
                    Clock.PAUSED,
                    start,
                    unadjusted,
                    pausedDays,
                    null,
                    firstMonth,
                    extended,
                    acknowledgeBy,
                    0,
                    List.copyOf(workings));
        }
        LocalDate shifted = unadjusted.plusDays(pausedDays);
        LocalDate due = workingDays.onOrNext(shifted);
        if (!due.equals(shifted)) {
            workings.add(shifted + " is a " + (BankHolidays.isWeekend(shifted) ? "weekend day" : "bank holiday")
                    + "; the deadline moves to the next working day, " + due + ".");
        }
        workings.add((facts.rule() == DeadlineRule.COMPLAINT ? "Answer by " : "Due on ") + due + ".");
        return new Deadline(
                facts.rule(),
                Clock.RUNNING,
                start,
                unadjusted,
                pausedDays,
                due,
                firstMonth,
                extended,
                acknowledgeBy,
                0,
                List.copyOf(workings));
    }

    private static long pausedDays(DeadlineFacts facts, LocalDate start, List<String> workings) {
        long total = 0;
        for (Pause pause : facts.pauses()) {
            long days = pause.daysAfter(start);
            total += days;
            if (!pause.isOpen()) {
                workings.add("Clarification asked " + pause.askedOn() + ", answered " + pause.answeredOn()
                        + ": the clock stood still " + days + (days == 1 ? " day." : " days."));
            }
        }
        return total;
    }

    private Deadline schoolDays(DeadlineFacts facts, LocalDate start, boolean paused, List<String> workings) {
        SchoolDayCount plain = countSchoolDays(start, List.of());
        SchoolDayCount counted = countSchoolDays(start, facts.pauses());
        if (counted.excluded() > 0) {
            workings.add(counted.excluded()
                    + " school days fell while the clock was paused for clarification and are not counted.");
        }
        if (counted.assumed() > 0) {
            workings.add(counted.assumed()
                    + " of the days counted are outside the school's term calendar and were counted as school days"
                    + " (every working day): add the school's terms to get the exact date, which can only be later.");
        }
        if (paused) {
            workings.add("Waiting for clarification: school days are not counted until the answer arrives.");
            return new Deadline(
                    facts.rule(),
                    Clock.PAUSED,
                    start,
                    plain.day(),
                    counted.excluded(),
                    null,
                    null,
                    false,
                    null,
                    counted.assumed(),
                    List.copyOf(workings));
        }
        workings.add("Fifteen school days after " + start + ", counted from the next school day: due on "
                + counted.day() + ".");
        return new Deadline(
                facts.rule(),
                Clock.RUNNING,
                start,
                plain.day(),
                counted.excluded(),
                counted.day(),
                counted.day(),
                false,
                null,
                counted.assumed(),
                List.copyOf(workings));
    }

    private record SchoolDayCount(LocalDate day, int excluded, int assumed) {}

    private SchoolDayCount countSchoolDays(LocalDate start, List<Pause> pauses) {
        int counted = 0;
        int excluded = 0;
        int assumed = 0;
        LocalDate day = start;
        for (int i = 0; counted < SCHOOL_DAYS; i++) {
            if (i > SCHOOL_DAY_SEARCH_LIMIT) {
                throw new IllegalStateException("the term calendar has fewer than " + SCHOOL_DAYS
                        + " school days in the two years after " + start);
            }
            day = day.plusDays(1);
            TermCalendar.Answer answer = terms.schoolDay(day, workingDays);
            if (answer == TermCalendar.Answer.NOT_A_SCHOOL_DAY) {
                continue;
            }
            LocalDate d = day;
            if (pauses.stream().anyMatch(p -> p.stops(d))) {
                excluded++;
                if (pauses.stream().anyMatch(p -> p.isOpen() && p.stops(d))) {
                    // the clock is still stopped: no school day after this one counts yet
                    return new SchoolDayCount(null, excluded, assumed);
                }
                continue;
            }
            if (answer == TermCalendar.Answer.NOT_COVERED) {
                assumed++;
            }
            counted++;
        }
        return new SchoolDayCount(day, excluded, assumed);
    }

    private static String ordinal(int day) {
        if (day >= 11 && day <= 13) {
            return day + "th";
        }
        return day
                + switch (day % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
    }
}
