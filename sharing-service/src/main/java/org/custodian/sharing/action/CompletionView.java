package org.custodian.sharing.action;

import java.time.Instant;

public record CompletionView(
        Instant performedAt,
        CompletionOutcome outcome,
        long recordCount,
        String reference,
        String note,
        Instant recordedAt) {}
