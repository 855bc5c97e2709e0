package org.custodian.platform.secrets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an answer that is a secret or a token (a webhook signing secret, a credential): the caller gets it
 * in the answer, but it is never stored in clear beside it. The idempotency store keeps the answer without it, so a
 * replay with the same {@code Idempotency-Key} answers without it and names it in
 * {@code Idempotent-Replay-Omitted} (issue 16, finding 3).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Secret {}
