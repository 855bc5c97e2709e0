package org.custodian.sar.deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * A computed deadline and its workings.
 *
 * @param startsOn         the day the clock starts (null until it has)
 * @param unadjustedDueOn  the date before pauses and the working-day roll-forward (for school days: none)
 * @param pausedDays       days (or school days) the clock stood still
 * @param dueOn            the legal deadline (null while the clock has not started or is paused)
 * @param firstMonthDueOn  the deadline without any extension: an extension must be told to the requester by then
 * @param acknowledgeBy    complaints only: the day by which the complaint must be acknowledged
 * @param assumedSchoolDays school days counted where the term calendar says nothing (counted as working days)
 * @param workings         the steps, in words, for the DPO and the requester
 */
public record Deadline(
        DeadlineRule rule,
        Clock clock,
        LocalDate startsOn,
        LocalDate unadjustedDueOn,
        long pausedDays,
        LocalDate dueOn,
        LocalDate firstMonthDueOn,
        boolean extended,
        LocalDate acknowledgeBy,
        int assumedSchoolDays,
        List<String> workings) {}
