package org.custodian.gateway.security.rules;

import java.util.Arrays;

/**
 * A path pattern relative to {@code /api/v1/}: literal segments, {@code *} for exactly one segment, and a final
 * {@code **} for any number of segments, none included ({@code schools/*}{@code /pupils/**} matches
 * {@code schools/100001/pupils} and everything below it).
 */
public final class PathPattern implements Comparable<PathPattern> {

    private static final String ONE = "*";
    private static final String ANY = "**";

    private final String text;
    private final String[] segments;

    private PathPattern(String text, String[] segments) {
        this.text = text;
        this.segments = segments;
    }

    public static PathPattern parse(String text) {
        String[] segments = text.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.isEmpty()
                    || (segment.equals(ANY) && !last)
                    || (!segment.equals(ONE) && !segment.equals(ANY) && segment.contains("*"))) {
                throw new IllegalArgumentException("'" + text + "' is not a path pattern: use literal segments, "
                        + "'*' for one segment and a final '**' for the rest");
            }
        }
        return new PathPattern(text, segments);
    }

    public boolean matches(String[] path) {
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals(ANY)) {
                return true;
            }
            if (i >= path.length || !(segments[i].equals(ONE) || segments[i].equals(path[i]))) {
                return false;
            }
        }
        return path.length == segments.length;
    }

    /** More specific patterns sort first: segment by segment a literal beats {@code *}, which beats {@code **}. */
    @Override
    public int compareTo(PathPattern other) {
        for (int i = 0; i < Math.min(segments.length, other.segments.length); i++) {
            int byKind = Integer.compare(rank(segments[i]), rank(other.segments[i]));
            if (byKind != 0) {
                return byKind;
            }
        }
        int byLength = Integer.compare(other.segments.length, segments.length);
        return byLength != 0 ? byLength : text.compareTo(other.text);
    }

    private static int rank(String segment) {
        return segment.equals(ANY) ? 2 : segment.equals(ONE) ? 1 : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathPattern other && Arrays.equals(segments, other.segments);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(segments);
    }

    @Override
    public String toString() {
        return text;
    }
}
