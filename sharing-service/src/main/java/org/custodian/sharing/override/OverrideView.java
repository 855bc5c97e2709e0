package org.custodian.sharing.override;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.disclosurelog.DisclosureEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One emergency override as the DPO reviews it: the disclosure log row (its fields at the top level), the recipient's
 * sector and the role that allowed it, what it overrode, and the review with its clock.
 */
public record OverrideView(
        @JsonUnwrapped DisclosureEntry disclosure,
        Sector recipientSector,
        String authorisedAs,
        List<String> overridden,
        ReviewView review) {

    /**
     * @param dueOn           the last day for the DPO's review (Europe/London)
     * @param workingDaysLeft working days left while waiting: 0 on the last day, negative once overdue; null once answered
     * @param late            answered after {@code dueOn}
     */
    public record ReviewView(
            ReviewStatus status,
            @Schema(nullable = true) LocalDate dueOn,
            @Schema(nullable = true) Integer workingDaysLeft,
            boolean late,
            @Schema(nullable = true) ReviewOutcome outcome,
            @Schema(nullable = true) String note,
            @Schema(nullable = true) String reviewedBy,
            @Schema(nullable = true) Instant reviewedAt) {}

    static OverrideView of(DisclosureEntry disclosure, OverrideReview review, LocalDate today) {
        LocalDate reviewedOn = review.reviewedAt() == null ? null : LegalTime.dayOf(review.reviewedAt());
        return new OverrideView(
                disclosure,
                review.recipientSector(),
                review.authorisedAs(),
                review.overridden(),
                new ReviewView(
                        ReviewRules.status(review.dueOn(), review.outcome(), today),
                        review.dueOn(),
                        ReviewRules.workingDaysLeft(review.dueOn(), review.outcome(), today),
                        ReviewRules.late(review.dueOn(), reviewedOn),
                        review.outcome(),
                        review.note(),
                        review.reviewedBy(),
                        review.reviewedAt()));
    }
}
