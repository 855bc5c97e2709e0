package org.custodian.sharing.disclosurelog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the disclosure log: one pupil's data disclosed to one recipient. {@code agreementId} and
 * {@code agreementBasis} are null for an emergency that needed no agreement; the last four say what else it rested on
 * (Art. 9(2) condition, DPA 2018 Sch. 1 condition, Art. 18(2) ground, Art. 49(1) derogation), null where none was
 * needed.
 */
public record DisclosureEntry(
        UUID id,
        UUID requestId,
        String pupilId,
        UUID recipientId,
        String recipientName,
        String recipientKind,
        UUID agreementId,
        String lawfulBasis,
        String agreementBasis,
        String consentPurpose,
        String legalReference,
        String purpose,
        List<String> dataCategories,
        String reason,
        boolean override,
        String overrideJustification,
        String disclosedBy,
        String disclosedByRole,
        Instant disclosedAt,
        String specialCategoryCondition,
        String schedule1Condition,
        String restrictionGround,
        String transferDerogation) {}
