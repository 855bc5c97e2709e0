package org.custodian.sharing.disclosurelog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of the disclosure log: one pupil's data disclosed to one recipient. {@code agreementId} and
 * {@code agreementBasis} are null for an emergency that needed no agreement; the last four say what else it rested on
 * (Art. 9(2) condition, DPA 2018 Sch. 1 condition, Art. 18(2) ground, Art. 49(1) derogation), null where none was
 * needed.
 */
public record DisclosureEntry(
        UUID id,
        @Schema(nullable = true) UUID requestId,
        String pupilId,
        UUID recipientId,
        @Schema(nullable = true) String recipientName,
        @Schema(nullable = true) String recipientKind,
        @Schema(nullable = true) UUID agreementId,
        @Schema(nullable = true) String lawfulBasis,
        @Schema(nullable = true) String agreementBasis,
        @Schema(nullable = true) String consentPurpose,
        @Schema(nullable = true) String legalReference,
        String purpose,
        List<String> dataCategories,
        @Schema(nullable = true) String reason,
        boolean override,
        @Schema(nullable = true) String overrideJustification,
        String disclosedBy,
        @Schema(nullable = true) String disclosedByRole,
        Instant disclosedAt,
        @Schema(nullable = true) String specialCategoryCondition,
        @Schema(nullable = true) String schedule1Condition,
        @Schema(nullable = true) String restrictionGround,
        @Schema(nullable = true) String transferDerogation) {}
