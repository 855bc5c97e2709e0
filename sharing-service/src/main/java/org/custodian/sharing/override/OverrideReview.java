package org.custodian.sharing.override;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.persistence.SchoolScopedEntity;
import org.custodian.platform.persistence.SchoolScopedId;
import org.custodian.sharing.decision.Sector;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The DPO's review of one emergency override (one disclosure log row, whose id it shares): what it overrode, who
 * allowed it, by when it must be reviewed and what the DPO found, once.
 */
@Entity
@Table(name = "override_review")
@IdClass(SchoolScopedId.class)
@AttributeOverride(name = "id", column = @Column(name = "disclosure_id"))
public class OverrideReview extends SchoolScopedEntity {

    /** The recipient's sector when the override was made. */
    @Column(name = "recipient_sector")
    @Enumerated(EnumType.STRING)
    private Sector recipientSector;

    /** The role that allowed it: dpo or safeguarding-lead (for overrides made before the rule, the role that made it). */
    @Column(name = "authorised_as")
    private String authorisedAs;

    /** The refusal codes the override set aside. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> overridden;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    private ReviewOutcome outcome;

    private String note;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    /** When the daily job found it unreviewed after its last day (null until then). */
    @Column(name = "overdue_at")
    private Instant overdueAt;

    protected OverrideReview() {}

    private OverrideReview(String schoolUrn, UUID disclosureId) {
        super(schoolUrn, disclosureId);
    }

    /** The review of an override just logged, waiting for the DPO until {@code dueOn}. */
    public static OverrideReview open(
            String schoolUrn,
            UUID disclosureId,
            Sector recipientSector,
            String authorisedAs,
            List<String> overridden,
            LocalDate dueOn) {
        OverrideReview r = new OverrideReview(schoolUrn, disclosureId);
        r.recipientSector = recipientSector;
        r.authorisedAs = authorisedAs;
        r.overridden = List.copyOf(overridden);
        r.dueOn = dueOn;
        return r;
    }

    /** Records the DPO's finding if none is recorded yet ({@link ReviewRules#answer}); says what the answer was. */
    public ReviewRules.Answer answer(ReviewOutcome asked, String askedNote, String by, Instant at) {
        ReviewRules.Answer answer = ReviewRules.answer(outcome, note, asked, askedNote);
        if (answer == ReviewRules.Answer.FIRST) {
            outcome = asked;
            note = askedNote;
            reviewedBy = by;
            reviewedAt = at;
        }
        return answer;
    }

    /** Found unreviewed after its last day (once). */
    public void markOverdue(Instant at) {
        if (overdueAt == null) {
            overdueAt = at;
        }
    }

    public UUID disclosureId() {
        return id();
    }

    public Sector recipientSector() {
        return recipientSector;
    }

    public String authorisedAs() {
        return authorisedAs;
    }

    public List<String> overridden() {
        return List.copyOf(overridden);
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public ReviewOutcome outcome() {
        return outcome;
    }

    public String note() {
        return note;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public Instant overdueAt() {
        return overdueAt;
    }
}
