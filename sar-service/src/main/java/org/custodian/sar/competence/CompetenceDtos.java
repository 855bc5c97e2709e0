package org.custodian.sar.competence;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The DPO's per-child competence assessment, in and out. */
public final class CompetenceDtos {

    private CompetenceDtos() {}

    @Schema(
            description = "The DPO's assessment of whether the child understands their data protection rights; it"
                    + " overrides the school's competence age either way")
    public record AssessmentInput(
            @Schema(
                    description = "true: the child exercises their own rights (a parent's request needs their"
                            + " agreement); false: not yet (a parent may ask for them)")
            @NotNull
            Boolean competent,

            @Schema(description = "The day of the assessment; today by default, never in the future")
            LocalDate assessedOn,

            @Schema(description = "How the child's understanding was judged") @NotBlank @Size(max = 2000)
            String reason) {}

    public record AssessmentView(
            String pupilId,
            boolean competent,
            LocalDate assessedOn,
            String reason,
            String assessedBy,
            Instant recordedAt,

            @Schema(
                    description = "The school's competence age this assessment overrides (12 in Scotland, DPA 2018"
                            + " s.208)")
            int competenceAge) {}
}
