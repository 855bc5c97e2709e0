package org.custodian.consent.purpose;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A consent purpose and its current wording, as the API shows it. {@code reconsentFrom} is the oldest version whose
 * grants still count.
 */
@Schema(name = "Purpose")
public record PurposeView(
        String code,
        String title,
        PurposeKind kind,
        @Schema(nullable = true) List<String> dataCategories,
        @Schema(nullable = true) String validity,
        int currentVersion,
        @Schema(nullable = true) int reconsentFrom,
        @Schema(nullable = true) String wording) {

    public static PurposeView of(Purpose purpose) {
        return new PurposeView(
                purpose.code(),
                purpose.title(),
                purpose.kind(),
                purpose.dataCategories(),
                purpose.validity(),
                purpose.currentVersion(),
                purpose.reconsentFrom(),
                purpose.wording());
    }
}
