package org.custodian.sar.support;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.platform.problems.Problems;

/** Query and path parameters parsed into 4xx problems that name the parameter. */
public final class Params {

    private Params() {}

    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(
                    field,
                    "'" + value + "' is not one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** An ISO-8601 period of days ({@code P7D}, {@code P2W}) from 0 to {@code maxDays}. */
    public static int days(String field, String value, int fallback, int maxDays) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Period period = Period.parse(value);
            if (period.getYears() != 0
                    || period.getMonths() != 0
                    || period.getDays() < 0
                    || period.getDays() > maxDays) {
                throw Problems.invalid(field, "a period of 0 to " + maxDays + " days, e.g. P7D");
            }
            return period.getDays();
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "'" + value + "' is not an ISO-8601 period of days, e.g. P7D");
        }
    }

    /** A resource id; a malformed one is answered like a missing one. */
    public static UUID id(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Problems.notFound("no " + what + " with that id");
        }
    }
}
