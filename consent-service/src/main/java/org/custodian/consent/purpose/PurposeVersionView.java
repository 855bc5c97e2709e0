package org.custodian.consent.purpose;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One wording of a purpose as it was shown to parents, as the API shows it. */
@Schema(name = "PurposeVersion")
public record PurposeVersionView(
        int version,
        String title,
        String wording,
        boolean requiresReconsent,
        Instant createdAt,
        @Schema(nullable = true) String createdBy) {

    public static PurposeVersionView of(PurposeVersion version) {
        return new PurposeVersionView(
                version.version(),
                version.title(),
                version.wording(),
                version.requiresReconsent(),
                version.createdAt(),
                version.createdBy());
    }
}
