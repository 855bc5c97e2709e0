package org.custodian.platform.http;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.custodian.platform.problems.Problems;

/**
 * Query, path and body parameters read strictly: anything malformed is a 400 problem naming the parameter, never a
 * 500. A malformed id in a path names nothing that exists and is answered exactly like a missing one (404).
 */
public final class Params {

    /** A pupil or guardian id as the MIS uses it. */
    public static final String PERSON_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    /** A purpose or category code. */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private static final Pattern PERSON = Pattern.compile(PERSON_ID);

    private Params() {}

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** An enum constant named exactly; null when the parameter is absent or blank. */
    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (blankToNull(value) == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw Problems.invalid(
                field,
                "'" + value + "' is not one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** A calendar date ({@code 2026-11-28}); null when absent or blank. */
    public static LocalDate date(String field, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** An ISO-8601 period of days ({@code P7D}, {@code P2W}) from 0 to {@code maxDays}; the fallback when absent. */
    public static int days(String field, String value, int fallback, int maxDays) {
        if (blankToNull(value) == null) {
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

    /** A UUID in a body or query parameter, in its canonical form; a 400 naming the field otherwise. */
    public static UUID uuid(String field, String value) {
        if (value == null) {
            throw Problems.invalid(field, "is required");
        }
        try {
            UUID uuid = UUID.fromString(value);
            if (!uuid.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException();
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, "not a UUID: " + value);
        }
    }

    /** The id in a resource's path: a malformed one names nothing that exists, so it is a 404 like a missing one. */
    public static UUID pathId(String value, String what) {
        try {
            UUID uuid = UUID.fromString(value);
            if (!uuid.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException();
            }
            return uuid;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Problems.notFound("no " + what + " with that id");
        }
    }

    /** A pupil or guardian id: 1 to 64 letters, digits or {@code . _ : -}, starting with a letter or digit. */
    public static String personId(String field, String value) {
        if (value == null || !PERSON.matcher(value).matches()) {
            throw Problems.invalid(field, "1 to 64 letters, digits or . _ : - (starting with a letter or digit)");
        }
        return value;
    }

    /** A boolean flag: {@code true} or {@code false}; false when absent or blank. */
    public static boolean flag(String field, String value) {
        if (blankToNull(value) == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw Problems.invalid(field, "true or false");
    }

    /** A whole number from {@code min} to {@code max}; null when absent or blank. */
    public static Integer integer(String field, String value, int min, int max) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalid(field, "a whole number from " + min + " to " + max);
    }

    /** A value that matches {@code pattern} whole; a 400 naming the field with {@code message} otherwise (also when absent). */
    public static String matching(String field, String value, Pattern pattern, String message) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw Problems.invalid(field, message);
        }
        return value;
    }
}
