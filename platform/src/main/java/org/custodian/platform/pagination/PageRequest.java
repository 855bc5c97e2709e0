package org.custodian.platform.pagination;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.custodian.platform.problems.ProblemException;
import org.custodian.platform.problems.Problems;

/**
 * {@code ?limit=} (default 50, at most 500) and an opaque {@code cursor}. A cursor is the keyset position after the
 * last item of the previous page: a few strings, base64url-encoded, that only the service that issued it reads.
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final String VERSION = "c1|";

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
            throw notOurs();
        }
        return after.get(i);
    }

    /** The cursor position's {@code i}th value as a number; a tampered cursor is a 400. */
    public long afterLong(int i) {
        try {
            return Long.parseLong(after(i));
        } catch (RuntimeException e) {
            throw notOurs();
        }
    }

    /** How many rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    public static String encode(List<String> position) {
        StringBuilder text = new StringBuilder(VERSION);
        for (String value : position) {
            text.append(value.length()).append(':').append(value);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Length-prefixed values after a version tag, so that any value (separators included) survives. */
    static List<String> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(VERSION)) {
                throw notOurs();
            }
            List<String> values = new ArrayList<>();
            int i = VERSION.length();
            while (i < text.length()) {
                int colon = text.indexOf(':', i);
                int length = Integer.parseInt(text.substring(i, colon));
                values.add(text.substring(colon + 1, colon + 1 + length));
                i = colon + 1 + length;
            }
            return values;
        } catch (RuntimeException e) {
            throw notOurs();
        }
    }

    private static ProblemException notOurs() {
        return Problems.invalid("cursor", "not a cursor this service issued");
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
