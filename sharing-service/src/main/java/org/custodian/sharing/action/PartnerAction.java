package org.custodian.sharing.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.sharing.action.ActionRules.Acknowledgement;
import org.custodian.sharing.action.ActionRules.Closure;
import org.custodian.sharing.action.ActionRules.Completion;
import org.custodian.sharing.action.ActionRules.Dispute;
import org.custodian.sharing.actionkind.ActionKind;

/**
 * What a partner was asked to do about one pupil, why (the webhook message and the event behind it), by when, and
 * what it answered. {@code delivered} says whether the message reached one of the partner's endpoints.
 */
public record PartnerAction(
        UUID id,
        String schoolUrn,
        UUID recipientId,
        String recipientName,
        String pupilId,
        ActionKind kind,
        String causeType,
        String causeEventId,
        String causeReference,
        String messageId,
        List<String> dataCategories,
        List<String> agreementIds,
        ActionStatus status,
        Instant openedAt,
        LocalDate dueOn,
        Instant acknowledgedAt,
        Acknowledgement acknowledgement,
        Instant completedAt,
        Completion completion,
        Instant disputedAt,
        Dispute dispute,
        Instant overdueSince,
        int reminders,
        Instant lastReminderAt,
        Instant closedAt,
        String closedBy,
        Closure closure,
        Instant deliveredAt,
        long version,
        Instant updatedAt) {

    public ActionRules.State state() {
        return new ActionRules.State(kind, status, acknowledgement, completion, dispute, closure);
    }

    /** When the partner (or the school, closing it) last answered it for good; null while it waits. */
    public Instant finishedAt() {
        return completedAt != null ? completedAt : disputedAt != null ? disputedAt : closedAt;
    }
}
