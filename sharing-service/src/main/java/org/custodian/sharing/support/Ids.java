package org.custodian.sharing.support;

import java.util.UUID;
import java.util.regex.Pattern;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problems;

/** Identifiers in paths and bodies: malformed ones are a 400 problem naming the field, never a 500. */
public final class Ids {

    /** A pupil id as the MIS and consent-service use it. */
    public static final String PUPIL_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    /** A purpose code (sharing purposes and consent purposes). */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private static final Pattern PUPIL = Pattern.compile(PUPIL_ID);

    private Ids() {}

    public static UUID uuid(String value, String field) {
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

    /** A timestamp position inside a cursor this service issued. */
    public static java.time.OffsetDateTime cursorTime(String value) {
        try {
            return java.time.OffsetDateTime.parse(value);
        } catch (RuntimeException e) {
            throw PageRequest.badCursor();
        }
    }

    /** The cursor form of a timestamp. */
    public static String cursorTime(java.time.Instant value) {
        return value.atOffset(java.time.ZoneOffset.UTC).toString();
    }

    /** An enum named in a query parameter: unknown values are a 400 listing the known ones. */
    public static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value) || constant.toString().equals(value)) {
                return constant;
            }
        }
        throw Problems.invalid(
                field, "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** A calendar date in a query parameter ({@code 2026-11-28}). */
    public static java.time.LocalDate date(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw Problems.invalid(field, "a date such as 2026-11-28");
        }
    }

    public static String pupil(String value, String field) {
        if (value == null || !PUPIL.matcher(value).matches()) {
            throw Problems.invalid(field, "a pupil id is 1 to 64 letters, digits or . _ : -");
        }
        return value;
    }
}
