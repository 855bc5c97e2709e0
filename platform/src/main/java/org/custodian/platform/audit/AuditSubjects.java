package org.custodian.platform.audit;

import java.util.Map;

/**
 * The one vocabulary of what an audit entry is about, for every service: a subject type in words ({@code pupil},
 * {@code guardian}, {@code rights-request}, {@code recipient}, {@code disclosure}, {@code retention-record}…) and its
 * id, read from the {@code subject} column the services have always written ({@code pupils/P1},
 * {@code schools/100001/pupils/P1}, {@code recipients/<uuid>}…). Stored rows are never rewritten (their hashes cover the
 * column as written); the words are derived when the log is read.
 */
public final class AuditSubjects {

    public static final String PUPIL = "pupil";
    public static final String GUARDIAN = "guardian";
    public static final String SCHOOL = "school";

    /** The first path segment of a stored subject → its type in the vocabulary. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pupils", PUPIL),
            Map.entry("guardians", GUARDIAN),
            Map.entry("school", SCHOOL),
            Map.entry("calendar", "school-calendar"),
            Map.entry("purposes", "purpose"),
            Map.entry("consents", "consent"),
            Map.entry("requests", "rights-request"),
            Map.entry("recipients", "recipient"),
            Map.entry("agreements", "agreement"),
            Map.entry("disclosure-requests", "disclosure"),
            Map.entry("disclosures", "disclosure"),
            Map.entry("partner-actions", "partner-action"),
            Map.entry("webhook-endpoints", "webhook-endpoint"),
            Map.entry("legal-holds", "legal-hold"),
            Map.entry("disposal-batches", "disposal-batch"),
            Map.entry("holdings", "retention-record"),
            Map.entry("retention-schedule", "retention-class"),
            Map.entry("privacy-notice", "privacy-notice"),
            Map.entry("ropa", "ropa"));

    /** What a path parameter's value must look like to be written to the log as an id (ids are never longer). */
    private static final java.util.regex.Pattern SAFE_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private AuditSubjects() {}

    /** What an entry is about: a type in words, an id (null for the school as a whole), the pupil if it is one. */
    public record Subject(String type, String id) {

        /** The pupil this entry is about, or null. */
        public String pupil() {
            return PUPIL.equals(type) ? id : null;
        }

        /** "pupil P1", "recipient 5f…", "the school". */
        public String inWords() {
            if (id == null) {
                return SCHOOL.equals(type) ? "the school" : "the " + type.replace('-', ' ');
            }
            return type.replace('-', ' ') + " " + id;
        }
    }

    /** The stored subject in the vocabulary; null or unknown shapes are the school, or the first segment as type. */
    public static Subject of(String stored) {
        if (stored == null || stored.isBlank()) {
            return new Subject(SCHOOL, null);
        }
        String path = stored;
        if (path.startsWith("schools/")) {
            int next = path.indexOf('/', "schools/".length());
            path = next < 0 ? "school" : path.substring(next + 1);
        }
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        String rest = slash < 0 ? null : path.substring(slash + 1);
        if ("school".equals(first)) {
            return new Subject(SCHOOL, null);
        }
        String type = TYPES.getOrDefault(first, first.endsWith("s") ? first.substring(0, first.length() - 1) : first);
        return new Subject(type, rest);
    }

    /**
     * The stored subject of an operation from its path template and parameter values: the pupil where the path has a
     * {@code {pupilId}}, else the record the first parameter after {@code {urn}} names, with the segment before it
     * ({@code /schools/{urn}/requests/{id}/completion} → {@code requests/<id>}); null when the path names no record or
     * the value is not an id (what a caller typed is never written as it came).
     */
    public static String fromPath(String template, java.util.function.UnaryOperator<String> values) {
        if (template == null) {
            return null;
        }
        String[] segments = template.split("/");
        String found = null;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (!segment.startsWith("{") || !segment.endsWith("}")) {
                continue;
            }
            String name = segment.substring(1, segment.length() - 1);
            int colon = name.indexOf(':');
            if (colon >= 0) {
                name = name.substring(0, colon).trim();
            }
            if ("urn".equals(name) || segments[i - 1].startsWith("{")) {
                continue;
            }
            String value = values.apply(name);
            if (value == null || !SAFE_ID.matcher(value).matches()) {
                continue;
            }
            String subject = segments[i - 1] + "/" + value;
            if ("pupilId".equals(name)) {
                return pupil(value);
            }
            if (found == null) {
                found = subject;
            }
        }
        return found;
    }

    /** The stored subject of a pupil, as consent, sharing and retention write it ({@code pupils/P1}). */
    public static String pupil(String pupilId) {
        return "pupils/" + pupilId;
    }

    /**
     * The stored forms a pupil's entries take across the services ({@code pupils/P1}; sar-service writes
     * {@code schools/<urn>/pupils/P1}): how the {@code pupil} filter finds them all.
     */
    public static java.util.List<String> pupilForms(String urn, String pupilId) {
        return java.util.List.of("pupils/" + pupilId, "schools/" + urn + "/pupils/" + pupilId);
    }
}
