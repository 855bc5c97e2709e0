package org.custodian.sharing.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.actionkind.CompletionOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ActionView(
        UUID id,
        String schoolUrn,
        UUID recipientId,
        @Schema(nullable = true) String recipientName,
        String pupilId,
        ActionKind kind,
        @Schema(nullable = true) String whatToDo,
        @Schema(nullable = true) Set<CompletionOutcome> outcomes,
        @Schema(nullable = true) String causeType,
        @Schema(nullable = true) String causeReference,
        @Schema(nullable = true) String messageId,
        @Schema(nullable = true) Instant deliveredAt,
        @Schema(nullable = true) List<String> dataCategories,
        ActionStatus status,
        Instant openedAt,
        @Schema(nullable = true) LocalDate dueBy,
        boolean late,
        @Schema(nullable = true) Instant acknowledgedAt,
        @Schema(nullable = true) String acknowledgementNote,
        @Schema(nullable = true) CompletionView completion,
        @Schema(nullable = true) DisputeView dispute,
        @Schema(nullable = true) Instant overdueSince,
        int reminders,
        @Schema(nullable = true) Instant lastReminderAt,
        @Schema(nullable = true) ClosureView closure,
        @Schema(nullable = true) Map<String, String> urls,
        long version) {}
