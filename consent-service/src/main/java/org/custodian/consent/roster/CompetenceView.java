package org.custodian.consent.roster;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The DPO's current competence assessment of a child, as the API shows it. */
public record CompetenceView(
        String pupilId,
        boolean competent,
        @Schema(nullable = true) LocalDate assessedOn,
        @Schema(nullable = true) String reason,
        @Schema(nullable = true) String assessedBy,
        @Schema(nullable = true) Instant recordedAt,

        @Schema(description = "The school's competence age this assessment overrides (12 in Scotland, DPA 2018 s.208)")
        int competenceAge) {

    public static CompetenceView of(CompetenceAssessment a, int competenceAge) {
        return new CompetenceView(
                a.pupilId(), a.competent(), a.assessedOn(), a.reason(), a.assessedBy(), a.recordedAt(), competenceAge);
    }
}
