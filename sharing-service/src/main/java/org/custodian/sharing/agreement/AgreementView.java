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

public record AgreementView(
        UUID id,
        UUID recipientId,
        String name,
        Set<String> purposes,
        Set<DataCategory> dataCategories,
        LawfulBasis lawfulBasis,
        String consentPurpose,
        String legalReference,
        LocalDate validFrom,
        LocalDate validTo,
        String transferCountry,
        TransferSafeguard transferSafeguard,
        Map<ActionKind, ActionDeadline> actionDeadlines,
        RecipientRole recipientRole,
        SpecialCategoryCondition specialCategoryCondition,
        Schedule1Condition schedule1Condition,
        String dataSubjectContract,
        AdequacyScheme adequacyScheme,
        RestrictionGround restrictionGround,
        boolean seeded,
        long version,
        Instant createdAt,
        Instant updatedAt) {
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
