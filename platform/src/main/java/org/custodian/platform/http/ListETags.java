package org.custodian.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.custodian.platform.pagination.Page;

/**
 * Every list carries a strong {@code ETag} over its body, and a {@code GET} whose {@code If-None-Match} names it is
 * answered 304 without a body (issue 17): a client polling a list, or an MIS re-reading a feed, costs a hash and no
 * transfer when nothing changed. A list is a {@code GET} answered 200 with a {@link Page}, or by an operation marked
 * {@link ListETag}; an answer that already carries an {@code ETag} (a resource's version) is left as it is.
 *
 * <p>The body is serialised here, once, with the application's {@link ObjectMapper} (the one the JSON writer uses),
 * and the bytes hashed are the bytes sent. The tag is the body's SHA-256 (base64url, 128 bits), so it is the same on
 * every replica and changes with any byte of the answer; it is only as private as the body, which the caller has.
 */
@Provider
public class ListETags implements ContainerResponseFilter {

    /** The OpenAPI extension an operation marked {@link ListETag} carries; the kernel's document filter reads it. */
    public static final String OPENAPI_EXTENSION = "x-custodian-list-etag";

    private static final Base64.Encoder TAG = Base64.getUrlEncoder().withoutPadding();

    private final ObjectMapper json;
    private final ResourceInfo resource;

    public ListETags(ObjectMapper json, ResourceInfo resource) {
        this.json = json;
        this.resource = resource;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod())
                || response.getStatus() != 200
                || !response.hasEntity()
                || response.getHeaders().containsKey(HttpHeaders.ETAG)
                || !isList(response.getEntity())) {
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(response.getEntity());
        } catch (JsonProcessingException e) {
            // the writer would fail the same way and say so; no tag for an answer that cannot be written
            return;
        }
        String tag = of(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        } else {
            response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private boolean isList(Object entity) {
        if (entity instanceof Page<?>) {
            return true;
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        return method != null && method.isAnnotationPresent(ListETag.class);
    }

    /** The strong tag of a body: {@code "<base64url of the first 128 bits of its SHA-256>"}. */
    public static String of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + TAG.encodeToString(java.util.Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether {@code If-None-Match} names {@code tag}: {@code *}, or a comma-separated list of tags compared weakly
     * (RFC 9110 §13.1.2: {@code W/"x"} matches {@code "x"}).
     */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
