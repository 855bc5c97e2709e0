package org.custodian.retention.disposal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.platform.persistence.SchoolScopedEntity;
import org.custodian.platform.persistence.SchoolScopedId;
import org.custodian.platform.problems.Problems;

/**
 * A proposal to dispose of the due, unheld records of a school, and what became of it: with its items, it is the
 * destruction certificate, kept permanently.
 */
@Entity
@Table(name = "disposal_batch")
@IdClass(SchoolScopedId.class)
public class DisposalBatch extends SchoolScopedEntity {

    public enum BatchStatus {
        /** Awaiting the DPO's review. */
        PROPOSED,
        /** Approved; waiting for the owning systems to confirm disposal. */
        APPROVED,
        /** Every approved record has been confirmed disposed of (or none was approved). */
        COMPLETED
    }

    @Enumerated(EnumType.STRING)
    private BatchStatus status;

    @Column(name = "due_on_or_before")
    private LocalDate dueOnOrBefore;

    @Column(name = "item_count")
    private int itemCount;

    @Column(name = "proposed_by")
    private String proposedBy;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "approval_note")
    private String approvalNote;

    @Column(name = "completed_at")
    private Instant completedAt;

    @OneToMany(mappedBy = "batch", cascade = CascadeType.ALL)
    @OrderBy("holdingId")
    private List<DisposalItem> items = new ArrayList<>();

    protected DisposalBatch() {}

    private DisposalBatch(String schoolUrn, UUID id) {
        super(schoolUrn, id);
    }

    /** A new batch of the given candidates (items not yet in a batch), proposed now. */
    public static DisposalBatch propose(
            String schoolUrn, LocalDate dueOnOrBefore, Collection<DisposalItem> candidates, String by, Instant at) {
        DisposalBatch batch = new DisposalBatch(schoolUrn, UUID.randomUUID());
        batch.status = BatchStatus.PROPOSED;
        batch.dueOnOrBefore = dueOnOrBefore;
        batch.itemCount = candidates.size();
        batch.proposedBy = by;
        batch.proposedAt = at;
        candidates.forEach(item -> {
            item.joinBatch(batch);
            batch.items.add(item);
        });
        return batch;
    }

    /**
     * The DPO's approval: each item gets its decision; the batch is complete at once when nothing was approved for
     * disposal. A batch is approved once.
     */
    public void approve(Map<UUID, ApprovalPlan.Planned> decisions, String by, Instant at, String note) {
        requireProposed();
        boolean anyApproved = false;
        for (DisposalItem item : items) {
            ApprovalPlan.Planned planned = decisions.get(item.holdingId());
            if (planned != null) {
                item.decide(planned);
                anyApproved |= planned.approvedForDisposal();
            }
        }
        status = anyApproved ? BatchStatus.APPROVED : BatchStatus.COMPLETED;
        approvedBy = by;
        approvedAt = at;
        approvalNote = note;
        completedAt = anyApproved ? null : at;
    }

    /** Only a proposed batch can be approved. */
    public void requireProposed() {
        if (status != BatchStatus.PROPOSED) {
            throw Problems.conflict("this batch was already approved on " + approvedAt + " by " + approvedBy
                    + "; a batch cannot be approved twice");
        }
    }

    /**
     * The owning system confirmed one record; the batch completes when no approved record awaits confirmation.
     * Returns whether it completed now.
     */
    public boolean confirm(UUID holdingId, LocalDate disposedOn, String method, String by, String caller, Instant at) {
        items.stream()
                .filter(i -> i.holdingId().equals(holdingId))
                .findFirst()
                .orElseThrow()
                .confirm(disposedOn, method, by, caller, at);
        if (status == BatchStatus.APPROVED && items.stream().noneMatch(DisposalItem::awaitsConfirmation)) {
            status = BatchStatus.COMPLETED;
            completedAt = at;
            return true;
        }
        return false;
    }

    public List<DisposalItem> items() {
        return items;
    }

    public BatchStatus status() {
        return status;
    }

    public LocalDate dueOnOrBefore() {
        return dueOnOrBefore;
    }

    public int itemCount() {
        return itemCount;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public String approvalNote() {
        return approvalNote;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
