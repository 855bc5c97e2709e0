package org.custodian.sar.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.custodian.platform.calendar.WorkingDays;

/**
 * A school's term calendar: terms, holidays inside or between them (half-terms) and INSET days. A school day is a
 * weekday inside a term that is neither a bank holiday, a holiday nor an INSET day. Outside the span the calendar
 * covers (before its first term, after its last), nothing is known: {@link #schoolDay} says so, and deadline code
 * then counts every working day, which can only make a deadline earlier than the school's real one, never later.
 */
public final class TermCalendar {

    public enum Kind {
        TERM,
        HOLIDAY,
        INSET
    }

    /** One entry; an INSET day is an entry whose start and end are the same date. */
    public record Entry(Kind kind, String name, LocalDate startsOn, LocalDate endsOn) {
        public Entry {
            if (endsOn.isBefore(startsOn)) {
                throw new IllegalArgumentException(name + " ends before it starts");
            }
        }

        boolean covers(LocalDate date) {
            return !date.isBefore(startsOn) && !date.isAfter(endsOn);
        }
    }

    /** Whether a date is a school day, or that the calendar does not cover it. */
    public enum Answer {
        SCHOOL_DAY,
        NOT_A_SCHOOL_DAY,
        NOT_COVERED
    }

    public static final TermCalendar EMPTY = new TermCalendar(List.of());

    private final List<Entry> entries;
    private final List<Entry> terms;

    public TermCalendar(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.terms = this.entries.stream()
                .filter(e -> e.kind() == Kind.TERM)
                .sorted(Comparator.comparing(Entry::startsOn))
                .toList();
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The first and last day the calendar covers, if it has any term. */
    public Optional<LocalDate> firstDay() {
        return terms.stream().map(Entry::startsOn).min(Comparator.naturalOrder());
    }

    public Optional<LocalDate> lastDay() {
        return terms.stream().map(Entry::endsOn).max(Comparator.naturalOrder());
    }

    public Answer schoolDay(LocalDate date, WorkingDays workingDays) {
        if (!workingDays.isWorkingDay(date)) {
            return Answer.NOT_A_SCHOOL_DAY;
        }
        if (isEmpty()
                || date.isBefore(firstDay().orElseThrow())
                || date.isAfter(lastDay().orElseThrow())) {
            return Answer.NOT_COVERED;
        }
        boolean inTerm = terms.stream().anyMatch(t -> t.covers(date));
        boolean closed = entries.stream().anyMatch(e -> e.kind() != Kind.TERM && e.covers(date));
        return inTerm && !closed ? Answer.SCHOOL_DAY : Answer.NOT_A_SCHOOL_DAY;
    }

    /**
     * What is wrong with the calendar, as messages naming the entry: overlapping terms, an INSET day that spans more
     * than a day. Empty when it is sound.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < terms.size(); i++) {
            Entry previous = terms.get(i - 1);
            Entry term = terms.get(i);
            if (!term.startsOn().isAfter(previous.endsOn())) {
                problems.add("term '" + term.name() + "' overlaps term '" + previous.name() + "'");
            }
        }
        for (Entry entry : entries) {
            if (entry.kind() == Kind.INSET && !entry.startsOn().equals(entry.endsOn())) {
                problems.add("INSET day '" + entry.name() + "' must be a single day");
            }
        }
        return problems;
    }
}
