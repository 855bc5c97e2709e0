package org.custodian.platform.problems;

import java.util.List;
import java.util.Map;
import org.custodian.platform.problems.Problem.FieldError;

/** The problem types Custodian answers with, one place for their type URIs, titles and statuses. */
public final class Problems {

    private Problems() {}

    private static final Map<Integer, String[]> BY_STATUS = Map.ofEntries(
            Map.entry(400, new String[] {"bad-request", "Bad request"}),
            Map.entry(401, new String[] {"unauthorized", "Authentication required"}),
            Map.entry(403, new String[] {"forbidden", "Forbidden"}),
            Map.entry(404, new String[] {"not-found", "Not found"}),
            Map.entry(405, new String[] {"method-not-allowed", "Method not allowed"}),
            Map.entry(406, new String[] {"not-acceptable", "Not acceptable"}),
            Map.entry(409, new String[] {"conflict", "Conflict"}),
            Map.entry(412, new String[] {"precondition-failed", "Precondition failed"}),
            Map.entry(413, new String[] {"payload-too-large", "Payload too large"}),
            Map.entry(415, new String[] {"unsupported-media-type", "Unsupported media type"}),
            Map.entry(422, new String[] {"unprocessable", "Request cannot be carried out"}),
            Map.entry(428, new String[] {"precondition-required", "Precondition required"}),
            Map.entry(429, new String[] {"rate-limited", "Too many requests"}),
            Map.entry(500, new String[] {"internal", "Internal error"}),
            Map.entry(502, new String[] {"bad-gateway", "Bad gateway"}),
            Map.entry(503, new String[] {"unavailable", "Service unavailable"}),
            Map.entry(504, new String[] {"gateway-timeout", "Gateway timeout"}));

    /** The problem for a bare HTTP status, for errors raised below the application (routing, body limits, proxies). */
    public static Problem forStatus(int status, String detail) {
        String[] known = BY_STATUS.get(status);
        if (known == null) {
            return of(status, "http-" + status, "HTTP " + status, detail);
        }
        return of(status, known[0], known[1], detail);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, detail, null, null);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(of(400, "bad-request", "Bad request", detail));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(validation(errors));
    }

    public static Problem validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(Problem.TYPE_BASE + "validation", "Request is not valid", 400, detail, null, errors);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(
                of(401, "unauthorized", "Authentication required", detail), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(of(403, "forbidden", "Forbidden", detail));
    }

    /** Also the answer for objects of another school or another family: never reveal that they exist. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(of(404, "not-found", "Not found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(of(409, "conflict", "Conflict", detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(of(412, "precondition-failed", "Precondition failed", detail));
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(of(428, "precondition-required", "Precondition required", detail));
    }

    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(of(413, "payload-too-large", "Payload too large", detail));
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(of(422, "unprocessable", "Request cannot be carried out", detail));
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(
                of(429, "rate-limited", "Too many requests", detail),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
