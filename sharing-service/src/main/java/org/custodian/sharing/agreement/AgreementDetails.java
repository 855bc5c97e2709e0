package org.custodian.sharing.agreement;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.custodian.sharing.actionkind.ActionDeadline;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.decision.AgreementTerms.Conditions;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.TransferSafeguard;

/**
 * What an agreement says, as the school writes it: the whole of it on every create and change. The rules the school
 * must be told about ({@code AgreementRules}) are checked before; this keeps the ones the table relies on.
 */
public record AgreementDetails(
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
        Conditions conditions) {

    public AgreementDetails {
        if (conditions == null) {
            conditions = Conditions.NONE;
        }
        if (purposes.isEmpty() || dataCategories.isEmpty()) {
            throw new IllegalArgumentException("an agreement names at least one purpose and one data category");
        }
        if ((lawfulBasis == LawfulBasis.CONSENT) != (consentPurpose != null)) {
            throw new IllegalArgumentException("a consent purpose is named exactly when the basis is CONSENT");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("an agreement cannot end before it starts");
        }
        actionDeadlines = Map.copyOf(actionDeadlines);
    }

    /**
     * A statutory flow the school's privacy notice describes: a legal obligation in force from {@code from},
     * open-ended, inside the UK, with the default deadlines and the conditions the law needs recorded.
     */
    public static AgreementDetails statutory(
            String name,
            Set<String> purposes,
            Set<DataCategory> dataCategories,
            String legalReference,
            LocalDate from,
            Conditions conditions) {
        return new AgreementDetails(
                name,
                purposes,
                dataCategories,
                LawfulBasis.LEGAL_OBLIGATION,
                null,
                legalReference,
                from,
                null,
                null,
                null,
                Map.of(),
                conditions);
    }
}
