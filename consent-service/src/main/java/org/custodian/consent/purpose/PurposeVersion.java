package org.custodian.consent.purpose;

import java.time.Instant;

/** One wording of a purpose as it was shown to parents. */
public record PurposeVersion(
        int version, String title, String wording, boolean requiresReconsent, Instant createdAt, String createdBy) {}
