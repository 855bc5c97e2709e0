package org.custodian.platform.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem detail, the body of every Custodian error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://custodian.uk/problems/";

    /** One invalid field of a request, named by its JSON path (for example {@code guardians[2].email}). */
    public record FieldError(String field, String message) {}

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
