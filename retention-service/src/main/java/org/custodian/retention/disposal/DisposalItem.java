package org.custodian.retention.disposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.custodian.retention.disposal.ApprovalPlan.ItemOutcome;
import org.custodian.retention.schedule.DisposalAction;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One record of a batch: what was proposed, decided and confirmed. The certificate is made of these. */
@Entity
@Table(name = "disposal_item")
@IdClass(DisposalItem.Key.class)
public class DisposalItem {

    /** The school-scoped key: the batch and the holding. */
    public static class Key implements Serializable {
        String schoolUrn;
        UUID batchId;
        UUID holdingId;

        protected Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(schoolUrn, k.schoolUrn)
                    && Objects.equals(batchId, k.batchId)
                    && Objects.equals(holdingId, k.holdingId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolUrn, batchId, holdingId);
        }
    }

    @Id
    @Column(name = "school_urn", length = 6)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String schoolUrn;

    @Id
    @Column(name = "batch_id")
    private UUID batchId;

    @Id
    @Column(name = "holding_id")
    private UUID holdingId;

    @ManyToOne
    @JoinColumns({
        @JoinColumn(name = "school_urn", referencedColumnName = "school_urn", insertable = false, updatable = false),
        @JoinColumn(name = "batch_id", referencedColumnName = "id", insertable = false, updatable = false)
    })
    private DisposalBatch batch;

    @Column(name = "class_code")
    private String classCode;

    @Column(name = "pupil_id")
    private String pupilId;

    private String system;
    private String reference;

    @Column(name = "created_on")
    private LocalDate createdOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Column(name = "proposed_action")
    @Enumerated(EnumType.STRING)
    private DisposalAction proposedAction;

    @Enumerated(EnumType.STRING)
    private ItemOutcome decision;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "review_on")
    private LocalDate reviewOn;

    @Column(name = "next_school_urn", length = 6)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String nextSchoolUrn;

    @Column(name = "disposed_on")
    private LocalDate disposedOn;

    private String method;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    @Column(name = "confirmed_by_caller")
    private String confirmedByCaller;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected DisposalItem() {}

    /** A due holding as a candidate for a batch (not yet in one). */
    public static DisposalItem candidate(
            UUID holdingId,
            String classCode,
            String pupilId,
            String system,
            String reference,
            LocalDate createdOn,
            LocalDate closedOn,
            LocalDate dueOn,
            DisposalAction proposedAction) {
        DisposalItem item = new DisposalItem();
        item.holdingId = holdingId;
        item.classCode = classCode;
        item.pupilId = pupilId;
        item.system = system;
        item.reference = reference;
        item.createdOn = createdOn;
        item.closedOn = closedOn;
        item.dueOn = dueOn;
        item.proposedAction = proposedAction;
        return item;
    }

    void joinBatch(DisposalBatch batch) {
        this.batch = batch;
        this.schoolUrn = batch.schoolUrn();
        this.batchId = batch.id();
    }

    void decide(ApprovalPlan.Planned planned) {
        decision = planned.outcome();
        decisionReason = planned.reason();
        reviewOn = planned.reviewOn();
        nextSchoolUrn = planned.nextSchoolUrn();
    }

    /** Records the confirmation, dropping the link to the pupil (the certificate does not need it). */
    void confirm(LocalDate disposedOn, String method, String by, String caller, Instant at) {
        this.disposedOn = disposedOn;
        this.method = method;
        this.confirmedBy = by;
        this.confirmedByCaller = caller;
        this.confirmedAt = at;
        this.pupilId = null;
    }

    boolean awaitsConfirmation() {
        return (decision == ItemOutcome.DESTROY || decision == ItemOutcome.TRANSFER) && confirmedAt == null;
    }

    public UUID batchId() {
        return batchId;
    }

    public UUID holdingId() {
        return holdingId;
    }

    public String classCode() {
        return classCode;
    }

    public String pupilId() {
        return pupilId;
    }

    public String system() {
        return system;
    }

    public String reference() {
        return reference;
    }

    public LocalDate createdOn() {
        return createdOn;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public DisposalAction proposedAction() {
        return proposedAction;
    }

    public ItemOutcome decision() {
        return decision;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public LocalDate reviewOn() {
        return reviewOn;
    }

    public String nextSchoolUrn() {
        return nextSchoolUrn;
    }

    public LocalDate disposedOn() {
        return disposedOn;
    }

    public String method() {
        return method;
    }

    public String confirmedBy() {
        return confirmedBy;
    }

    public String confirmedByCaller() {
        return confirmedByCaller;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }
}
