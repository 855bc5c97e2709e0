package org.custodian.sharing.action;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.persistence.SchoolScopedEntity;
import org.custodian.platform.persistence.SchoolScopedId;
import org.custodian.sharing.action.ActionRules.Acknowledgement;
import org.custodian.sharing.action.ActionRules.Closure;
import org.custodian.sharing.action.ActionRules.Completion;
import org.custodian.sharing.action.ActionRules.Dispute;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.actionkind.CompletionOutcome;
import org.custodian.sharing.recipient.Recipient;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a partner was asked to do about one pupil, why (the webhook message and the event behind it), by when, and
 * what it answered. {@code deliveredAt} says when the message first reached one of the partner's endpoints.
 */
@Entity
@Table(name = "partner_action")
@IdClass(SchoolScopedId.class)
public class PartnerAction extends SchoolScopedEntity {

    /** An action to open. */
    public record Opening(
            UUID id,
            UUID recipientId,
            String pupilId,
            ActionKind kind,
            String causeType,
            String causeEventId,
            String causeReference,
            String messageId,
            Collection<String> dataCategories,
            Collection<String> agreementIds,
            LocalDate dueOn) {}

    @Column(name = "recipient_id")
    private UUID recipientId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumns({
        @JoinColumn(name = "school_urn", referencedColumnName = "school_urn", insertable = false, updatable = false),
        @JoinColumn(name = "recipient_id", referencedColumnName = "id", insertable = false, updatable = false)
    })
    private Recipient recipient;

    @Column(name = "pupil_id")
    private String pupilId;

    @Enumerated(EnumType.STRING)
    private ActionKind kind;

    @Column(name = "cause_type")
    private String causeType;

    @Column(name = "cause_event_id")
    private String causeEventId;

    @Column(name = "cause_reference")
    private String causeReference;

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "data_categories")
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> dataCategories;

    @Column(name = "agreement_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> agreementIds;

    @Enumerated(EnumType.STRING)
    private ActionStatus status;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledgement_note")
    private String acknowledgementNote;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "completion_performed_at")
    private Instant completionPerformedAt;

    @Column(name = "completion_outcome")
    @Enumerated(EnumType.STRING)
    private CompletionOutcome completionOutcome;

    @Column(name = "completion_record_count")
    private Long completionRecordCount;

    @Column(name = "completion_reference")
    private String completionReference;

    @Column(name = "completion_note")
    private String completionNote;

    @Column(name = "disputed_at")
    private Instant disputedAt;

    @Column(name = "dispute_reason")
    private String disputeReason;

    @Column(name = "dispute_legal_reference")
    private String disputeLegalReference;

    @Column(name = "overdue_since")
    private Instant overdueSince;

    private int reminders;

    @Column(name = "last_reminder_at")
    private Instant lastReminderAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closure_note")
    private String closureNote;

    /** The ETag: 1 when opened, one more on each answer, on being found overdue and on each reminder. */
    @Version
    private long version;

    @Column(name = "updated_at")
    private Instant updatedAt;

    // read-only: webhook_delivery is the webhook package's SQL-only table
    @Formula("(SELECT min(d.last_attempt_at) FROM webhook_delivery d WHERE d.school_urn = school_urn"
            + " AND d.message_id = message_id AND d.status = 'SUCCEEDED')")
    private Instant deliveredAt;

    protected PartnerAction() {}

    private PartnerAction(String schoolUrn, UUID id) {
        super(schoolUrn, id);
    }

    /** A new action, open and at version 1. */
    public static PartnerAction open(String schoolUrn, Opening o, Instant at) {
        PartnerAction a = new PartnerAction(schoolUrn, o.id());
        a.recipientId = o.recipientId();
        a.pupilId = o.pupilId();
        a.kind = o.kind();
        a.causeType = o.causeType();
        a.causeEventId = o.causeEventId();
        a.causeReference = o.causeReference();
        a.messageId = o.messageId();
        a.dataCategories = List.copyOf(o.dataCategories());
        a.agreementIds = List.copyOf(o.agreementIds());
        a.status = ActionStatus.OPEN;
        a.openedAt = at;
        a.dueOn = o.dueOn();
        a.version = 1;
        a.updatedAt = at;
        return a;
    }

    public void acknowledge(ActionStatus next, Acknowledgement ack, Instant at) {
        acknowledgedAt = at;
        acknowledgementNote = ack.note();
        answered(next, at);
    }

    public void complete(Completion c, Instant at) {
        completedAt = at;
        completionPerformedAt = c.performedAt();
        completionOutcome = c.outcome();
        completionRecordCount = c.recordCount();
        completionReference = c.reference();
        completionNote = c.note();
        answered(ActionStatus.COMPLETED, at);
    }

    public void dispute(Dispute d, Instant at) {
        disputedAt = at;
        disputeReason = d.reason();
        disputeLegalReference = d.legalReference();
        answered(ActionStatus.DISPUTED, at);
    }

    public void close(String by, Closure c, Instant at) {
        closedAt = at;
        closedBy = by;
        closureNote = c.note();
        answered(ActionStatus.CLOSED, at);
    }

    /** Found waiting after its last day: overdue, and reminded for the first time. */
    public void becomeOverdue(Instant at) {
        status = ActionStatus.OVERDUE;
        overdueSince = at;
        remind(at);
    }

    /** Reminded (again). */
    public void remind(Instant at) {
        reminders++;
        lastReminderAt = at;
        updatedAt = at;
    }

    private void answered(ActionStatus next, Instant at) {
        status = next;
        updatedAt = at;
    }

    public ActionRules.State state() {
        return new ActionRules.State(kind, status, acknowledgement(), completion(), dispute(), closure());
    }

    /** When the partner (or the school, closing it) last answered it for good; null while it waits. */
    public Instant finishedAt() {
        return completedAt != null ? completedAt : disputedAt != null ? disputedAt : closedAt;
    }

    public UUID recipientId() {
        return recipientId;
    }

    public String recipientName() {
        return recipient.name();
    }

    public String pupilId() {
        return pupilId;
    }

    public ActionKind kind() {
        return kind;
    }

    public String causeType() {
        return causeType;
    }

    public String causeEventId() {
        return causeEventId;
    }

    public String causeReference() {
        return causeReference;
    }

    public String messageId() {
        return messageId;
    }

    public List<String> dataCategories() {
        return List.copyOf(dataCategories);
    }

    public List<String> agreementIds() {
        return List.copyOf(agreementIds);
    }

    public ActionStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public Acknowledgement acknowledgement() {
        return acknowledgedAt == null ? null : new Acknowledgement(acknowledgementNote);
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Completion completion() {
        return completedAt == null
                ? null
                : new Completion(
                        completionPerformedAt,
                        completionOutcome,
                        completionRecordCount,
                        completionReference,
                        completionNote);
    }

    public Instant disputedAt() {
        return disputedAt;
    }

    public Dispute dispute() {
        return disputedAt == null ? null : new Dispute(disputeReason, disputeLegalReference);
    }

    public Instant overdueSince() {
        return overdueSince;
    }

    public int reminders() {
        return reminders;
    }

    public Instant lastReminderAt() {
        return lastReminderAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public Closure closure() {
        return closedAt == null ? null : new Closure(closureNote);
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
