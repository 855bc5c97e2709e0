package org.custodian.sharing.actionkind;

import java.time.LocalDate;
import java.util.Objects;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.calendar.WorkingDays;

/**
 * How long a partner has to act: a number of working days, calendar days or calendar months from the day the action
 * is opened (Europe/London). Working days count from the next working day; calendar days and months end on the
 * corresponding date (a month from 31 January is the last day of February) and move to the next working day when
 * that is a weekend or a bank holiday (England and Wales).
 */
public record ActionDeadline(int amount, Unit unit) {

    private static final WorkingDays WORKING = WorkingDays.in(Region.ENGLAND_AND_WALES);

    public enum Unit {
        WORKING_DAYS(260),
        CALENDAR_DAYS(366),
        CALENDAR_MONTHS(12);

        private final int max;

        Unit(int max) {
            this.max = max;
        }

        /** The longest deadline that may be set in this unit (a year). */
        public int max() {
            return max;
        }
    }

    public ActionDeadline {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1 || amount > unit.max()) {
            throw new IllegalArgumentException("a deadline in " + unit + " is 1 to " + unit.max() + ", not " + amount);
        }
    }

    public static ActionDeadline workingDays(int n) {
        return new ActionDeadline(n, Unit.WORKING_DAYS);
    }

    public static ActionDeadline months(int n) {
        return new ActionDeadline(n, Unit.CALENDAR_MONTHS);
    }

    public static ActionDeadline days(int n) {
        return new ActionDeadline(n, Unit.CALENDAR_DAYS);
    }

    /** The last day to act on an action opened on {@code openedOn}. */
    public LocalDate dueOn(LocalDate openedOn) {
        return switch (unit) {
            case WORKING_DAYS -> WORKING.plus(openedOn, amount);
            case CALENDAR_DAYS -> WORKING.onOrNext(openedOn.plusDays(amount));
            case CALENDAR_MONTHS -> WORKING.onOrNext(openedOn.plusMonths(amount));
        };
    }

    @Override
    public String toString() {
        return amount + " " + unit.name().toLowerCase().replace('_', ' ');
    }
}
