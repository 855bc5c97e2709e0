package org.custodian.sharing.action;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.custodian.sharing.actionkind.CompletionOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CompletionRequest(
        @Schema(
                description = "When the partner did it; without it, when the service records it (and a retry of the"
                        + " same answer without it repeats the first answer's time, so it is recorded once)")
        Instant performedAt,

        @NotNull CompletionOutcome outcome,
        @NotNull @Min(0) @Max(1_000_000_000) Long recordCount,
        @NotBlank @Size(max = 200) String reference,
        @Size(max = 2000) String note) {}
