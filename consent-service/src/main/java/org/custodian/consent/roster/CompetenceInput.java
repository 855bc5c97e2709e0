package org.custodian.consent.roster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "The DPO's assessment of whether the child understands their data protection rights; it"
                + " overrides the school's competence age either way from the day it was made")
public record CompetenceInput(
        @Schema(
                description = "true: the child exercises their own rights (their own consent decisions count, a"
                        + " parent's request needs their agreement); false: not yet (their parents decide for them)")
        @NotNull
        Boolean competent,

        @Schema(description = "The day of the assessment; today by default, never in the future")
        LocalDate assessedOn,

        @Schema(description = "How the child's understanding was judged") @NotBlank @Size(max = 2000)
        String reason) {}
