package org.custodian.sharing.override;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.sharing.decision.Sector;

/**
 * The DPO's review of one emergency override (one disclosure log row): what it overrode, who allowed it, by when it
 * must be reviewed and what the DPO found.
 *
 * @param recipientSector the recipient's sector when the override was made
 * @param authorisedAs    the role that allowed it: {@code dpo} or {@code safeguarding-lead} (for overrides made before
 *                        the rule, the role that made it)
 * @param overridden      the refusal codes the override set aside
 * @param overdueAt       when the daily job found it unreviewed after {@code dueOn} (null until then)
 */
public record OverrideReview(
        String schoolUrn,
        UUID disclosureId,
        Sector recipientSector,
        String authorisedAs,
        List<String> overridden,
        LocalDate dueOn,
        ReviewOutcome outcome,
        String note,
        String reviewedBy,
        Instant reviewedAt,
        Instant overdueAt) {

    public OverrideReview {
        overridden = List.copyOf(overridden);
    }
}
