package org.custodian.sharing.disclosurelog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of the disclosure log: one pupil's data disclosed to one recipient. */
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
        Instant disclosedAt) {}
