package org.custodian.accountability.notice;

import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The DPO's words for the next version; what is left out is cleared. */
public record DraftRequest(
        @Size(max = 10_000) @Schema(nullable = true, description = "an introduction in the school's own words")
        String introduction,

        @Size(max = 20)
        @Schema(
                nullable = true,
                description = "an explanation to follow a generated section, by the section's name (e.g. recipients)")
        Map<String, @Size(max = 10_000) String> localExplanations,

        @Size(max = 10_000)
        @Schema(
                nullable = true,
                description = "only for a school that takes significant decisions based solely on automated"
                        + " processing: what they are, their logic and their effects (Art. 13(2)(f)); left out, the"
                        + " notice says none are taken")
        String automatedDecisions,

        @Size(max = 10_000)
        @Schema(nullable = true, description = "the technical and organisational security measures (Art. 30(1)(g))")
        String securityMeasures) {}
