package org.custodian.platform.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The {@code data} of events on {@code custodian.sharing.v1} that other services may act on. */
public final class SharingEvents {

    private SharingEvents() {}

    /**
     * {@code partner-action.overdue}: a partner has not answered an action (stop using, erase, correct, restrict,
     * delete everything) by its last day; the DPO should chase it.
     */
    public record PartnerActionOverdue(
            String actionId,
            String recipientId,
            String pupilId,
            String kind,
            String causeType,
            Instant openedAt,
            LocalDate dueOn,
            long daysOverdue,
            boolean acknowledged,
            Instant markedAt) {}

    /**
     * {@code disclosure.override-made}: an emergency disclosure on vital interests set aside missing consent, a
     * restriction or an objection ({@code overridden}, the refusal codes; empty for overrides made before they were
     * recorded). One per pupil, at once, for the DPO, who must review it by {@code reviewDueOn}. Identifiers and facts
     * only: no names and no justification text (the DPO reads it in sharing-service).
     *
     * @param disclosedBy  the token subject of the person who made it
     * @param authorisedAs the role that allowed it: {@code dpo} or {@code safeguarding-lead}
     */
    public record OverrideMade(
            String disclosureId,
            String requestId,
            String pupilId,
            String recipientId,
            String recipientSector,
            String agreementId,
            String agreementBasis,
            String lawfulBasis,
            String purpose,
            List<String> dataCategories,
            List<String> overridden,
            String disclosedBy,
            String authorisedAs,
            Instant disclosedAt,
            LocalDate reviewDueOn) {}

    /**
     * {@code disclosure.override-reviewed}: the DPO recorded whether an override was justified ({@code JUSTIFIED} or
     * {@code NOT_JUSTIFIED}; the note stays in sharing-service). A {@code NOT_JUSTIFIED} override is a disclosure
     * without a lawful basis: a candidate personal data breach.
     */
    public record OverrideReviewed(
            String disclosureId,
            String pupilId,
            String recipientId,
            String outcome,
            LocalDate reviewDueOn,
            boolean late,
            String reviewedBy,
            Instant reviewedAt) {}

    /** {@code disclosure.override-review-overdue}: an override is still unreviewed after its review's last day. */
    public record OverrideReviewOverdue(
            String disclosureId,
            String pupilId,
            String recipientId,
            Instant disclosedAt,
            LocalDate reviewDueOn,
            int workingDaysOverdue,
            Instant markedAt) {}
}
