package org.custodian.tokens;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One revocation: of a token id ({@code jti}), or of a subject's tokens issued up to {@code revokedAt}; for one
 * school (tokens covering it) or, with no school, for every school. It is the {@code data} of a
 * {@code uk.custodian.token.revoked} event on {@code custodian.revocations.v1}:
 * <pre>{@code {"subject":"G-17","school":"100001","revokedAt":"2026-12-03T09:15:00Z"}}</pre>
 */
public record Revocation(Kind kind, String value, String school, Instant revokedAt) {

    public static final String TOPIC = "custodian.revocations.v1";
    public static final String EVENT_TYPE = "uk.custodian.token.revoked";

    public enum Kind {
        /** The token with this {@code jti}. */
        TOKEN_ID("tokenId"),
        /** Every token with this {@code sub} issued at or before the revocation. */
        SUBJECT("subject");

        private final String field;

        Kind(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public Revocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (value == null || value.isEmpty() || value.length() > 255) {
            throw new IllegalArgumentException("a revocation names a " + kind.field() + " of 1 to 255 characters");
        }
        if (school != null && !school.matches("\\d{6}")) {
            throw new IllegalArgumentException("a revocation's school is a six-digit URN");
        }
    }

    public static Revocation ofTokenId(String jti, String school, Instant revokedAt) {
        return new Revocation(Kind.TOKEN_ID, jti, school, revokedAt);
    }

    public static Revocation ofSubject(String sub, String school, Instant revokedAt) {
        return new Revocation(Kind.SUBJECT, sub, school, revokedAt);
    }

    /** Whether it applies whatever schools a token covers (an operator's revocation). */
    public boolean everySchool() {
        return school == null;
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add(kind.field(), value);
        if (school != null) {
            json.add("school", school);
        }
        return json.add("revokedAt", revokedAt.toString()).build();
    }

    /** Reads {@link #toJson()}; anything else is an {@link IllegalArgumentException}. */
    public static Revocation fromJson(JsonObject json) {
        boolean byTokenId = json.containsKey(Kind.TOKEN_ID.field());
        if (byTokenId == json.containsKey(Kind.SUBJECT.field())) {
            throw new IllegalArgumentException("a revocation names either a tokenId or a subject");
        }
        Kind kind = byTokenId ? Kind.TOKEN_ID : Kind.SUBJECT;
        try {
            return new Revocation(
                    kind,
                    text(json, kind.field()),
                    json.containsKey("school") ? text(json, "school") : null,
                    Instant.parse(text(json, "revokedAt")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("revokedAt is not an instant", e);
        }
    }

    private static String text(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new IllegalArgumentException(field + " is not a string");
    }
}
