package org.custodian.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call of one operation that succeeds, for the every-operation contract's replay checks (issue 16, findings 3 and
 * 9): the concrete path (the template's values filled in, the fixture it needs already made), the bearer token, the
 * JSON body (null when the operation takes none, or takes multipart {@code parts}) and any other header it needs
 * ({@code If-Match}). The contract adds the {@code Idempotency-Key}.
 */
public record SuccessfulCall(String bearer, String path, String body, Map<String, String> headers, List<Part> parts) {

    /** One part of a multipart body. */
    public record Part(String name, String fileName, String mediaType, byte[] content) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public SuccessfulCall {
        headers = Map.copyOf(headers);
        parts = List.copyOf(parts);
    }

    public static SuccessfulCall of(String bearer, String path, String body) {
        return new SuccessfulCall(bearer, path, body, Map.of(), List.of());
    }

    /** A call with {@code body} (a map, a list, …) as JSON. */
    public static SuccessfulCall json(String bearer, String path, Object body) {
        try {
            return of(bearer, path, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A multipart call. */
    public static SuccessfulCall multipart(String bearer, String path, Part... parts) {
        return new SuccessfulCall(bearer, path, null, Map.of(), List.of(parts));
    }

    /** The same call with one more header. */
    public SuccessfulCall with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new SuccessfulCall(bearer, path, body, more, new ArrayList<>(parts));
    }
}
