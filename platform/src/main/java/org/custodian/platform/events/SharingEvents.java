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

    /**
     * {@code recipient.created} / {@code recipient.updated}: an organisation the school may share pupils' data with,
     * as it stands after the change (the whole of it each time, so a projection keeps the latest {@code version}).
     * Organisations only: the recipient's contact details and its partner link stay in sharing-service.
     *
     * @param kind              the data protection role: {@code STATUTORY_BODY}, {@code PROCESSOR}, {@code CONTROLLER},
     *                          {@code FAMILY} or {@code OTHER}
     * @param sector            what sort of organisation ({@code CHILDRENS_SERVICES}, {@code CENTRAL_GOVERNMENT},
     *                          {@code EDTECH}…)
     * @param country           ISO 3166-1 alpha-2, where the recipient is ({@code GB} for the UK)
     * @param status            {@code ACTIVE} or {@code SUSPENDED} (nothing is shared with a suspended recipient)
     * @param contractReference the contract or data processing agreement's reference, if the school gave one
     * @param description       the school's words for the organisation and what it receives
     * @param seeded            one of the recipients every new school starts with (its privacy notice names them)
     * @param version           the recipient's version after the change (its ETag; 1 when created)
     */
    public record RecipientChanged(
            String recipientId,
            String name,
            String kind,
            String sector,
            String country,
            String status,
            String contractReference,
            String description,
            boolean seeded,
            long version,
            Instant changedAt) {}

    /**
     * {@code agreement.created} / {@code agreement.updated} / {@code agreement.ended}: a sharing agreement as it stands
     * after the change (the whole of it each time; {@code agreement.ended} when the change set its last day to today or
     * earlier). What a privacy notice and the record of processing (Art. 30) say about a flow of pupils' data: to whom,
     * what, why, on which basis and conditions, where to and how long.
     *
     * @param purposes                 purpose codes, in the school's order
     * @param dataCategories           {@code IDENTITY}, {@code ASSESSMENT}… (special category data among them needs
     *                                 {@code specialCategoryCondition})
     * @param lawfulBasis              UK GDPR Art. 6(1): {@code LEGAL_OBLIGATION}, {@code PUBLIC_TASK}, {@code CONSENT},
     *                                 {@code VITAL_INTERESTS}, {@code CONTRACT} or {@code LEGITIMATE_INTERESTS}
     * @param consentPurpose           the consent-service purpose code, exactly when the basis is {@code CONSENT}
     * @param legalReference           the law that obliges or empowers the school (required for a legal obligation)
     * @param specialCategoryCondition the Art. 9(2) condition (e.g. {@code SUBSTANTIAL_PUBLIC_INTEREST}), if any
     * @param schedule1Condition       the DPA 2018 Sch. 1 condition, if any
     * @param recipientRole            {@code CONTROLLER} or {@code PROCESSOR} under this agreement
     * @param dataSubjectContract      the contract with the data subject, for the {@code CONTRACT} basis
     * @param restrictionGround        the Art. 18(2) ground that lets restricted data still go, if any
     * @param validFrom                the first day it is in force
     * @param validTo                  its last day (none: open-ended)
     * @param transferCountry          where the data goes when it is not the recipient's own country (ISO 3166-1
     *                                 alpha-2); none: the recipient's country (see {@code recipient.*})
     * @param transferSafeguard        the safeguard of a transfer outside the UK ({@code ADEQUACY}, {@code IDTA}…)
     * @param adequacyScheme           the scheme the recipient is certified under, for adequacy with a partial
     *                                 regulation (e.g. the UK Extension to the EU-US Data Privacy Framework)
     * @param seeded                   one of the statutory flows every new school starts with
     * @param version                  the agreement's version after the change (its ETag; 1 when created)
     */
    public record AgreementChanged(
            String agreementId,
            String recipientId,
            String name,
            List<String> purposes,
            List<String> dataCategories,
            String lawfulBasis,
            String consentPurpose,
            String legalReference,
            String specialCategoryCondition,
            String schedule1Condition,
            String recipientRole,
            String dataSubjectContract,
            String restrictionGround,
            LocalDate validFrom,
            LocalDate validTo,
            String transferCountry,
            String transferSafeguard,
            String adequacyScheme,
            boolean seeded,
            long version,
            Instant changedAt) {}
}
