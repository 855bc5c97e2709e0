package org.custodian.platform.problems;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.custodian.platform.http.InputLimits;
import org.custodian.platform.problems.Problem.FieldError;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into an {@code application/problem+json} response.
 * Bad input always ends in a 4xx with a useful detail; anything unexpected is a 500 without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(e.problem(), uri);
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response violation(ResteasyReactiveViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> java.util.stream.StreamSupport.stream(
                                v.getPropertyPath().spliterator(), false)
                        .anyMatch(node -> node.getKind() == jakarta.validation.ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(e, uri);
        }
        return constraintViolation(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(Problems.validation(errors), uri).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String known = e.getKnownPropertyIds() == null
                ? ""
                : " (known: "
                        + e.getKnownPropertyIds().stream()
                                .map(Object::toString)
                                .sorted()
                                .collect(Collectors.joining(", "))
                        + ")";
        return respond(
                        Problems.validation(List.of(
                                new FieldError(path(e), "unknown property '" + e.getPropertyName() + "'" + known))),
                        uri)
                .build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return respond(
                        Problems.validation(
                                List.of(new FieldError(path(e), notValid(e.getValue(), e.getTargetType())))),
                        uri)
                .build();
    }

    /** Why {@code value} cannot be read as a {@code target}, in plain words. */
    static String notValid(Object value, Class<?> target) {
        if (target != null && target.isEnum()) {
            return "'" + value + "' is not one of "
                    + Arrays.stream(target.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        } else if (value instanceof InputLimits.Refusal refusal) {
            return refusal.reason();
        } else if (value instanceof String && target != null && target != String.class && isScalar(target)) {
            return "expected " + describe(target) + ", not a string";
        } else if (value instanceof Number && (target == Boolean.class || target == boolean.class)) {
            return "expected boolean (true or false), not a number";
        }
        return shown(value) + " is not a valid " + describe(target);
    }

    @ServerExceptionMapper(priority = 1)
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        // a record's own check says what is wrong in its message; anything else (a null dereferenced, say) does not
        String message = cause instanceof IllegalArgumentException ? plain(cause.getMessage()) : null;
        String field = path(e);
        if (field.isEmpty()) {
            return respond(
                            Problems.forStatus(
                                    400,
                                    message == null
                                            ? "the request body is not the JSON this operation expects"
                                            : "the request body is not valid: " + message),
                            uri)
                    .build();
        }
        return respond(
                        Problems.validation(List.of(new FieldError(field, message == null ? "is not valid" : message))),
                        uri)
                .build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        if (field.isEmpty()) {
            return respond(
                            Problems.forStatus(
                                    400,
                                    "the request body is not the JSON this operation expects"
                                            + (e.getTargetType() == null
                                                    ? ""
                                                    : " (" + describe(e.getTargetType()) + ")")),
                            uri)
                    .build();
        }
        String message = e.getTargetType() == null ? "wrong type" : "expected " + describe(e.getTargetType());
        return respond(Problems.validation(List.of(new FieldError(field, message))), uri)
                .build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(Problems.forStatus(400, malformed(e)), uri).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException || e instanceof StreamConstraintsException) {
            return respond(Problems.forStatus(400, malformed(e)), uri).build();
        }
        if (e instanceof JsonMappingException m && !path(m).isEmpty()) {
            return respond(Problems.validation(List.of(new FieldError(path(m), "is not valid here"))), uri)
                    .build();
        }
        return respond(Problems.forStatus(400, "the request body is not the JSON this operation expects"), uri)
                .build();
    }

    /**
     * Malformed JSON in plain words, with where it goes wrong: never the parser's own message, which names its
     * classes, features and source (issue 16, finding 14).
     */
    static String malformed(JsonProcessingException e) {
        String where = "";
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            where = " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        if (e instanceof JsonEOFException) {
            return "malformed JSON: the body ends before its JSON does" + where;
        }
        if (e instanceof StreamConstraintsException) {
            return "malformed JSON: nested more deeply, or holding a longer number, name or string, than this service"
                    + " reads" + where;
        }
        return "malformed JSON: unexpected input" + where;
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return unknownProperty(u, uri);
        } else if (cause instanceof InvalidFormatException f) {
            return invalidFormat(f, uri);
        } else if (cause instanceof ValueInstantiationException v) {
            return valueInstantiation(v, uri);
        } else if (cause instanceof MismatchedInputException m) {
            return mismatchedInput(m, uri);
        } else if (cause instanceof JsonParseException p) {
            return malformedJson(p, uri);
        } else if (cause instanceof JsonProcessingException j) {
            return json(j, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(Problems.forStatus(status, detailFor(status, e)), uri).build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problems.forStatus(403, "your role does not allow this operation"), uri)
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", reference, uri == null ? "?" : uri.getPath());
        return respond(Problems.forStatus(500, "unexpected error; reference " + reference), uri)
                .build();
    }

    private Response unauthorized(UriInfo uri) {
        return respond(Problems.forStatus(401, "a valid bearer token is required"), uri)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    private static Response.ResponseBuilder respond(Problem problem, UriInfo uri) {
        Problem withInstance = uri == null ? problem : problem.withInstance(uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withInstance);
    }

    private static String detailFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "there is no such resource";
            case 405 -> "this resource does not support that method";
            case 406 -> "this resource answers in application/json";
            case 415 -> "send application/json";
            default -> e.getMessage();
        };
    }

    /** The JSON path of the field a Jackson error is about, e.g. {@code guardians[2].email}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A violation's property path without the resource method and parameter names ({@code create.body.name} → {@code name}). */
    static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        if (parts.length == 3 && violation.getExecutableParameters() != null) {
            return parts[2];
        }
        if (parts.length == 2 && violation.getExecutableParameters() != null) {
            return parts[1];
        }
        return path;
    }

    private static boolean isScalar(Class<?> type) {
        return type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class;
    }

    /** A refused value as the caller sent it, cut short, in quotes. */
    private static String shown(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    /** {@code message}, unless it speaks of the implementation (class names, parser internals): then null. */
    static String plain(String message) {
        if (message == null || message.isBlank() || INTERNALS.matcher(message).find()) {
            return null;
        }
        return message;
    }

    /** What an error message must never show a caller: Java and Jackson names, parser locations, code quotes. */
    private static final Pattern INTERNALS = Pattern.compile(
            "com\\.fasterxml|java\\.|javax\\.|jakarta\\.|org\\.custodian|LinkedHashMap|HashMap|ArrayList|\\[Source|REDACTED"
                    + "|StreamReadFeature|StreamReadConstraints|Cannot invoke|`|\\(code \\d+\\)|Exception");

    static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "timestamp (ISO-8601, e.g. 2026-11-28T14:00:00Z)";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }
}
