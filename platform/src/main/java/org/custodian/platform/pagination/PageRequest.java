package org.custodian.platform.pagination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.problems.ProblemException;
import org.custodian.platform.problems.Problems;

/**
 * {@code ?limit=} (default 50, at most 500) and an opaque {@code cursor}: the keyset position after the last item of
 * the previous page, sealed for its list by {@link ListCursors}. Services get one from {@link PageRequests}; the
 * position's values are read with the typed accessors, each of which turns a value that does not parse into the same
 * 400 as a tampered cursor.
 */
public final class PageRequest {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final int limit;
    private final List<String> after;
    private final ListCursors cursors;

    private PageRequest(int limit, List<String> after, ListCursors cursors) {
        this.limit = limit;
        this.after = List.copyOf(after);
        this.cursors = cursors;
    }

    /** Parses query parameters; a bad limit, or a cursor this service did not issue for this list, is a 400. */
    public static PageRequest of(String limit, String cursor, ListCursors cursors) {
        int parsed = parseLimit(limit);
        return new PageRequest(parsed, cursor == null || cursor.isEmpty() ? List.of() : cursors.open(cursor), cursors);
    }

    public int limit() {
        return limit;
    }

    /** The cursor's position: empty on the first page. */
    public List<String> after() {
        return after;
    }

    public boolean isFirst() {
        return after.isEmpty();
    }

    /** The cursor position's {@code i}th value. */
    public String after(int i) {
        if (i >= after.size()) {
            throw ListCursors.refused();
        }
        return after.get(i);
    }

    /** The cursor position's {@code i}th value as a number. */
    public long afterLong(int i) {
        try {
            return Long.parseLong(after(i));
        } catch (NumberFormatException e) {
            throw ListCursors.refused();
        }
    }

    /** The cursor position's {@code i}th value as a calendar date ({@code 2026-11-28}). */
    public LocalDate afterDate(int i) {
        try {
            return LocalDate.parse(after(i));
        } catch (RuntimeException e) {
            throw ListCursors.refused();
        }
    }

    /** The cursor position's {@code i}th value as an instant ({@code 2026-11-28T14:00:00Z}). */
    public Instant afterInstant(int i) {
        try {
            return Instant.parse(after(i));
        } catch (RuntimeException e) {
            throw ListCursors.refused();
        }
    }

    /** The cursor position's {@code i}th value as a UUID, spelled as {@link UUID#toString()} spells it. */
    public UUID afterUuid(int i) {
        String value = after(i);
        try {
            UUID uuid = UUID.fromString(value);
            if (uuid.toString().equals(value)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw ListCursors.refused();
    }

    /** The 400 of every cursor that is not this service's for this list, for a service reading a position its own way. */
    public static ProblemException badCursor() {
        return ListCursors.refused();
    }

    /** How many rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /** The cursor of the page that follows {@code position}, for the same list. */
    String cursorAfter(List<String> position) {
        return cursors.issue(position);
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw Problems.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw Problems.invalid("limit", "must be from 1 to " + MAX_LIMIT + ", was " + value);
        }
        return value;
    }
}
