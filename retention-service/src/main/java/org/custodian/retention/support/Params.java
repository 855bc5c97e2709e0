package org.custodian.retention.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problems;

/** Query parameters and cursor positions, read strictly: anything malformed is a 400 naming the parameter. */
public final class Params {

    private Params() {}

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static LocalDate date(String field, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "a date as yyyy-mm-dd, was '" + value + "'");
        }
    }

    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The {@code i}th value of a cursor position as a UUID. */
    public static UUID cursorId(PageRequest page, int i) {
        try {
            return UUID.fromString(page.after(i));
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
    }

    /** The {@code i}th value of a cursor position as an instant. */
    public static Instant cursorInstant(PageRequest page, int i) {
        try {
            return Instant.parse(page.after(i));
        } catch (DateTimeParseException e) {
            throw notOurs();
        }
    }

    private static RuntimeException notOurs() {
        return PageRequest.badCursor();
    }
}
