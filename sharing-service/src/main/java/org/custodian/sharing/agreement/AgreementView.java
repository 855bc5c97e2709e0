package org.custodian.sharing.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.sharing.actionkind.ActionDeadline;
import org.custodian.sharing.actionkind.ActionDeadlines;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.decision.AdequacyScheme;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.RecipientRole;
import org.custodian.sharing.decision.RestrictionGround;
import org.custodian.sharing.decision.Schedule1Condition;
import org.custodian.sharing.decision.SpecialCategoryCondition;
import org.custodian.sharing.decision.TransferSafeguard;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AgreementView(
        UUID id,
        UUID recipientId,
        String name,
        Set<String> purposes,
        Set<DataCategory> dataCategories,
        LawfulBasis lawfulBasis,
        @Schema(nullable = true) String consentPurpose,
        @Schema(nullable = true) String legalReference,
        @Schema(nullable = true) LocalDate validFrom,
        @Schema(nullable = true) LocalDate validTo,
        @Schema(nullable = true) String transferCountry,
        @Schema(nullable = true) TransferSafeguard transferSafeguard,
        @Schema(nullable = true) Map<ActionKind, ActionDeadline> actionDeadlines,
        @Schema(nullable = true) RecipientRole recipientRole,
        @Schema(nullable = true) SpecialCategoryCondition specialCategoryCondition,
        @Schema(nullable = true) Schedule1Condition schedule1Condition,
        @Schema(nullable = true) String dataSubjectContract,
        @Schema(nullable = true) AdequacyScheme adequacyScheme,
        @Schema(nullable = true) RestrictionGround restrictionGround,
        boolean seeded,
        long version,
        Instant createdAt,
        @Schema(nullable = true) Instant updatedAt) {
    public static AgreementView of(Agreement a) {
        return new AgreementView(
                a.id(),
                a.recipientId(),
                a.name(),
                a.purposes(),
                a.dataCategories(),
                a.lawfulBasis(),
                a.consentPurpose(),
                a.legalReference(),
                a.validFrom(),
                a.validTo(),
                a.transferCountry(),
                a.transferSafeguard(),
                ActionDeadlines.effective(a.actionDeadlines()),
                a.conditions().recipientRole(),
                a.conditions().specialCategory(),
                a.conditions().schedule1(),
                a.conditions().dataSubjectContract(),
                a.conditions().adequacyScheme(),
                a.conditions().restrictionGround(),
                a.seeded(),
                a.version(),
                a.createdAt(),
                a.updatedAt());
    }
}
