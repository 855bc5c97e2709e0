package org.custodian.sharing.action;

import java.time.Instant;
import org.custodian.sharing.actionkind.CompletionOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CompletionView(
        @Schema(nullable = true) Instant performedAt,
        @Schema(nullable = true) CompletionOutcome outcome,
        @Schema(nullable = true) long recordCount,
        @Schema(nullable = true) String reference,
        @Schema(nullable = true) String note,
        Instant recordedAt) {}
