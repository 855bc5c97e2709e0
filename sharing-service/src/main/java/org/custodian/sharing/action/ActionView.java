package org.custodian.sharing.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.actionkind.CompletionOutcome;

public record ActionView(
        UUID id,
        String schoolUrn,
        UUID recipientId,
        String recipientName,
        String pupilId,
        ActionKind kind,
        String whatToDo,
        Set<CompletionOutcome> outcomes,
        String causeType,
        String causeReference,
        String messageId,
        Instant deliveredAt,
        List<String> dataCategories,
        ActionStatus status,
        Instant openedAt,
        LocalDate dueBy,
        boolean late,
        Instant acknowledgedAt,
        String acknowledgementNote,
        CompletionView completion,
        DisputeView dispute,
        Instant overdueSince,
        int reminders,
        Instant lastReminderAt,
        ClosureView closure,
        Map<String, String> urls,
        long version) {}
