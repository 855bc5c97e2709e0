package org.custodian.consent.decision;

import java.time.LocalDate;
import java.util.List;
import org.custodian.consent.purpose.PurposeKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One purpose's status for the pupil, with which decisions count and why. {@code refreshWithPupil}: the pupil has
 * reached the school's competence age (for biometrics, 18) and the status rests on decisions their parents made for
 * them: refresh the consent with the pupil.
 */
public record PurposeStatus(
        String purpose,
        @Schema(nullable = true) String title,
        @Schema(nullable = true) PurposeKind kind,
        ConsentStatus status,
        boolean permitted,
        @Schema(nullable = true) Integer effectiveVersion,
        @Schema(nullable = true) int currentVersion,
        @Schema(nullable = true) LocalDate validUntil,
        List<String> countingDecisions,
        @Schema(nullable = true) List<String> explanation,
        @Schema(nullable = true) boolean refreshWithPupil) {

    public PurposeStatus(
            String purpose,
            String title,
            PurposeKind kind,
            ConsentStatus status,
            boolean permitted,
            Integer effectiveVersion,
            int currentVersion,
            LocalDate validUntil,
            List<String> countingDecisions,
            List<String> explanation) {
        this(
                purpose,
                title,
                kind,
                status,
                permitted,
                effectiveVersion,
                currentVersion,
                validUntil,
                countingDecisions,
                explanation,
                false);
    }
}
