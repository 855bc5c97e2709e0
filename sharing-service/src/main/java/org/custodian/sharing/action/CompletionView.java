package org.custodian.sharing.action;

import java.time.Instant;
import org.custodian.sharing.actionkind.CompletionOutcome;

public record CompletionView(
        Instant performedAt,
        CompletionOutcome outcome,
        long recordCount,
        String reference,
        String note,
        Instant recordedAt) {}
