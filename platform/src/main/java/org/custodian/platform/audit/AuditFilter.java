package org.custodian.platform.audit;

import java.time.Instant;

/**
 * Which entries of a school's log to read; every part is optional (null). {@code pupil} finds the entries about that
 * pupil in every form the services store it ({@link AuditSubjects#pupilForms}); {@code action} is a code
 * ({@code consent.withdrawn}) or its family ({@code consent}: every {@code consent.*}); {@code from} is inclusive and
 * {@code to} exclusive; {@code result} is DONE, REFUSED (with the DENIED of quotas) or FAILED.
 */
public record AuditFilter(
        String subject, String pupil, String actor, String action, Instant from, Instant to, String result) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null);

    public static AuditFilter ofSubject(String subject) {
        return new AuditFilter(subject, null, null, null, null, null, null);
    }
}
