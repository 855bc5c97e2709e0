package org.custodian.platform.pagination;

import org.custodian.platform.problems.Problems;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code ?limit=} (default 50, at most 500) and an opaque {@code cursor}. A cursor is the keyset position after the
 * last item of the previous page: a few strings, base64url-encoded, that only the service that issued it reads.
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final char SEPARATOR = '\u001f';

    public PageRequest {
        after = after == null ? List.of() : List.copyOf(after);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, List.of());
    }

    /** Parses query parameters; a bad limit or a cursor this service did not issue is a 400. */
    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(parseLimit(limit), cursor == null || cursor.isEmpty() ? List.of() : decode(cursor));
    }

    public boolean isFirst() {
        return after.isEmpty();
    }

    /** The cursor position's {@code i}th value. */
    public String after(int i) {
        if (i >= after.size()) {
            throw Problems.invalid("cursor", "not a cursor this service issued");
        }
        return after.get(i);
    }

    /** The cursor position's {@code i}th value as a number; a tampered cursor is a 400. */
    public long afterLong(int i) {
        try {
            return Long.parseLong(after(i));
        } catch (RuntimeException e) {
            throw Problems.invalid("cursor", "not a cursor this service issued");
        }
    }

    /** How many rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    public static String encode(List<String> position) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < position.size(); i++) {
            if (i > 0) {
                joined.append(SEPARATOR);
            }
            joined.append(position.get(i));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c1" + SEPARATOR + joined).getBytes(StandardCharsets.UTF_8));
    }

    static List<String> decode(String cursor) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("cursor", "not a cursor this service issued");
        }
        List<String> parts = new ArrayList<>(List.of(text.split(String.valueOf(SEPARATOR), -1)));
        if (parts.size() < 2 || !parts.get(0).equals("c1")) {
            throw Problems.invalid("cursor", "not a cursor this service issued");
        }
        return parts.subList(1, parts.size());
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
