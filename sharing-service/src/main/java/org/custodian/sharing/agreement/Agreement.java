package org.custodian.sharing.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.sharing.actionkind.ActionDeadline;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.decision.AgreementTerms;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.TransferSafeguard;

/**
 * What may go to whom and why: a sharing agreement with its lawful basis, and how long partners have to act on what
 * they received under it ({@code actionDeadlines}: only the kinds it changes from the defaults).
 */
public record Agreement(
        UUID id,
        String schoolUrn,
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
        boolean seeded,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Agreement {
        actionDeadlines = Map.copyOf(actionDeadlines);
    }

    public AgreementTerms terms() {
        return new AgreementTerms(
                id,
                purposes,
                dataCategories,
                lawfulBasis,
                consentPurpose,
                validFrom,
                validTo,
                transferCountry,
                transferSafeguard);
    }
}
