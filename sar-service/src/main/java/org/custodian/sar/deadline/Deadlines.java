package org.custodian.sar.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.custodian.platform.calendar.BankHolidays;
import org.custodian.platform.calendar.WorkingDays;
import org.custodian.sar.calendar.TermCalendar;

/**
 * The statutory deadline arithmetic of legal-rules.md, in plain Java.
 *
 * <ul>
 *   <li>Start (UK GDPR Art. 12A(3), from 5 February 2026; the ICO's guidance before): the latest of the day received,
 *   the day identity was confirmed (where it was asked for) and the day a fee arrived (where one was asked for within
 *   the time limit: Art. 12(4) — a fee asked for after the deadline moves nothing).</li>
 *   <li>One calendar month: to the corresponding date of the next month, or that month's last day where it has no
 *   such date; for a subject access request only (Art. 12A(5)), plus the days excluded for clarification, the day
 *   asked and the day answered both included; then a weekend or bank holiday moves it to the next working day (last).
 *   An extension makes it three months from the start, counted the same way.</li>
 *   <li>Fifteen school days (Education (Pupil Information) (England) Regulations 2005 reg 5; Pupil Information (Wales)
 *   Regulations 2011): counted on the school's term calendar from the first school day after the day the written
 *   request was received; never paused, never restarted (a clarification or a fee for a copy moves nothing), no
 *   extension.</li>
 *   <li>Complaints (DPA 2018 s.164A(3): "within the period of 30 days beginning when the complaint is received"):
 *   acknowledged by the 30th day counted as the ICO counts, from the day after receipt, a weekend or bank holiday end
 *   rolled to the next working day; answered by the one-month target, never paused.</li>
 * </ul>
 */
public final class Deadlines {

    /** The educational record's rule in England, and in Wales (each school's nation says which applies). */
    public static final String ENGLAND_REGULATIONS =
            "the Education (Pupil Information) (England) Regulations 2005, reg 5";

    public static final String WALES_REGULATIONS = "the Pupil Information (Wales) Regulations 2011";

    public static final int SCHOOL_DAYS = 15;
    public static final int COMPLAINT_ACKNOWLEDGEMENT_DAYS = 30;
    public static final int EXTENDED_MONTHS = 3;
    /**
     * Article 12A (inserted by the Data (Use and Access) Act 2025) applies to requests received on or after this day
     * (Commencement No. 6 Regulations 2026).
     */
    public static final LocalDate ARTICLE_12A_FROM = LocalDate.of(2026, 2, 5);
    /** The GDPR (now the UK GDPR) applied from this day; before it, the Data Protection Act 1998. */
    public static final LocalDate UK_GDPR_FROM = LocalDate.of(2018, 5, 25);
    /** No term calendar leaves a school without school days for two years: past that, the calendar is wrong. */
    private static final int SCHOOL_DAY_SEARCH_LIMIT = 730;

    private final WorkingDays workingDays;
    private final TermCalendar terms;
    private final String pupilInformationRegulations;

    public Deadlines(WorkingDays workingDays, TermCalendar terms, String pupilInformationRegulations) {
        this.workingDays = workingDays;
        this.terms = terms == null ? TermCalendar.EMPTY : terms;
        this.pupilInformationRegulations =
                pupilInformationRegulations == null ? ENGLAND_REGULATIONS : pupilInformationRegulations;
    }

    public Deadlines(WorkingDays workingDays, TermCalendar terms) {
        this(workingDays, terms, null);
    }

    public Deadlines(WorkingDays workingDays) {
        this(workingDays, TermCalendar.EMPTY);
    }

    public Deadline compute(DeadlineFacts facts) {
        List<String> workings = new ArrayList<>();
        workings.add(regime(facts));
        if (facts.rule() == DeadlineRule.FIFTEEN_SCHOOL_DAYS) {
            return schoolDays(facts, workings);
        }
        LocalDate acknowledgeBy = null;
        if (facts.rule() == DeadlineRule.COMPLAINT) {
            acknowledgeBy = acknowledgeBy(facts.receivedOn(), workings);
        }
        if (facts.feeRequestedOn() != null) {
            Deadline withoutFee = compute(facts.withoutFee());
            if (withoutFee.dueOn() != null && facts.feeRequestedOn().isAfter(withoutFee.dueOn())) {
                workings.add("A fee was asked for on " + facts.feeRequestedOn() + ", after the deadline of "
                        + withoutFee.dueOn() + ": a fee must be asked for within the time limit (UK GDPR Art. 12(4)),"
                        + " so it does not move the deadline.");
                facts = facts.withoutFee();
            }
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
        boolean paused = facts.subjectAccess() && facts.pauses().stream().anyMatch(Pause::isOpen);
        return calendarMonths(facts, start, paused, acknowledgeBy, workings);
    }

    /** Which law sets this deadline, in words. */
    private String regime(DeadlineFacts facts) {
        return switch (facts.rule()) {
            case FIFTEEN_SCHOOL_DAYS ->
                "Educational record: 15 school days under " + pupilInformationRegulations
                        + "; never paused, never restarted, no extension.";
            case COMPLAINT -> "Complaint: DPA 2018 s.164A (from 19 June 2026); no pause for clarification.";
            case ONE_CALENDAR_MONTH -> calendarMonthRegime(facts);
        };
    }

    private static String calendarMonthRegime(DeadlineFacts facts) {
        if (facts.receivedOn().isBefore(UK_GDPR_FROM)) {
            return "Received before 25 May 2018, when the Data Protection Act 1998 applied (s.7(8) and (10): 40 days):"
                    + " the one calendar month below is the UK GDPR's count on the historic calendar, not the time"
                    + " limit of the day.";
        }
        if (facts.receivedOn().isBefore(ARTICLE_12A_FROM)) {
            return "Received before 5 February 2026: UK GDPR Art. 12(3) as the ICO's guidance read it (Art. 12A,"
                    + " inserted by the Data (Use and Access) Act 2025, applies only to requests received from that day)"
                    + (facts.subjectAccess()
                            ? "; the ICO's guidance stopped the clock for clarification of a subject access request."
                            : "; clarification of a request other than subject access does not stop the clock.");
        }
        return "Received on or after 5 February 2026: UK GDPR Art. 12(3) and Art. 12A (Data (Use and Access) Act 2025)"
                + (facts.subjectAccess()
                        ? "; clarification stops the clock of a subject access request (Art. 12A(5))."
                        : "; the clock stops for clarification only for a subject access request (Art. 12A(5)), so"
                                + " clarification of this request moves nothing.");
    }

    /**
     * DPA 2018 s.164A(3): "within the period of 30 days beginning when the complaint is received". The ICO counts from
     * the day after receipt, and a period ending on a weekend or bank holiday ends on the next working day.
     */
    private LocalDate acknowledgeBy(LocalDate receivedOn, List<String> workings) {
        LocalDate day30 = receivedOn.plusDays(COMPLAINT_ACKNOWLEDGEMENT_DAYS);
        LocalDate by = workingDays.onOrNext(day30);
        workings.add("Complaint received " + receivedOn + ": 30 days counted as the ICO counts them, from the day"
                + " after receipt, end on " + day30
                + (by.equals(day30)
                        ? ""
                        : ", a " + (BankHolidays.isWeekend(day30) ? "weekend day" : "bank holiday")
                                + ", so the next working day")
                + ": acknowledge it by " + by + " (DPA 2018 s.164A(3)).");
        return by;
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
            workings.add("Waiting for clarification: the clock is stopped (Art. 12A(5)) and the deadline moves on by"
                    + " the days it waits, the day of the answer included.");
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
        // the unadjusted date plus the excluded days, then the weekend/holiday roll-forward last (Art. 12A(5))
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
        Set<LocalDate> excluded = new HashSet<>();
        for (Pause pause : facts.pauses()) {
            if (!facts.subjectAccess()) {
                workings.add("Clarification asked " + pause.askedOn()
                        + (pause.isOpen() ? ", not yet answered" : ", answered " + pause.answeredOn())
                        + ": recorded; the clock does not stop (Art. 12A(5) stops it only for a subject access"
                        + " request).");
                continue;
            }
            if (pause.isOpen()) {
                continue;
            }
            int before = excluded.size();
            excluded.addAll(pause.excludedDays(start));
            long days = excluded.size() - before;
            workings.add("Clarification asked " + pause.askedOn() + ", answered " + pause.answeredOn()
                    + ": both days and those between are excluded (Art. 12A(5)), " + days
                    + (days == 1 ? " day" : " days")
                    + (before > 0 ? " not already excluded (a day in two clarifications counts once)." : "."));
        }
        return excluded.size();
    }

    private Deadline schoolDays(DeadlineFacts facts, List<String> workings) {
        LocalDate start = facts.receivedOn();
        if (facts.identityRequestedOn() != null
                || facts.feeRequestedOn() != null
                || !facts.pauses().isEmpty()) {
            workings.add("Identity checks, clarification and a fee for a copy are recorded but do not move the 15"
                    + " school days: they run from the written request (" + pupilInformationRegulations
                    + "; seeing the record is free, the fee is only for a copy).");
        }
        SchoolDayCount counted = countSchoolDays(start);
        if (counted.assumed() > 0) {
            workings.add(counted.assumed()
                    + " of the days counted are outside the school's term calendar and were counted as school days"
                    + " (every working day): add the school's terms to get the exact date, which can only be later.");
        }
        workings.add("Fifteen school days after " + start + ", counted from the next school day: due on "
                + counted.day() + ".");
        return new Deadline(
                facts.rule(),
                Clock.RUNNING,
                start,
                counted.day(),
                0,
                counted.day(),
                counted.day(),
                false,
                null,
                counted.assumed(),
                List.copyOf(workings));
    }

    private record SchoolDayCount(LocalDate day, int assumed) {}

    private SchoolDayCount countSchoolDays(LocalDate start) {
        int counted = 0;
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
            if (answer == TermCalendar.Answer.NOT_COVERED) {
                assumed++;
            }
            counted++;
        }
        return new SchoolDayCount(day, assumed);
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
