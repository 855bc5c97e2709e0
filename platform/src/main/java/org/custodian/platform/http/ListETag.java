package org.custodian.platform.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts a {@code GET} operation that answers a list of its own shape (not a {@link
 * org.custodian.platform.pagination.Page}, which {@link ListETags} covers without asking) into {@link ListETags}: a
 * strong {@code ETag} over its body, and 304 for a matching {@code If-None-Match}. Its OpenAPI operation says so with
 * the extension {@link ListETags#OPENAPI_EXTENSION}, so that the kernel documents the header, the parameter and the 304.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ListETag {}
