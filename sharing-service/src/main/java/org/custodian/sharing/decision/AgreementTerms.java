package org.custodian.sharing.decision;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * One sharing agreement as the engine reads it.
 *
 * @param consentPurpose  the consent purpose code, exactly when the basis is CONSENT
 * @param validTo         last day in force, inclusive; null when open-ended
 * @param transferCountry where the data goes when it differs from the recipient's country; null otherwise
 */
public record AgreementTerms(
        UUID id,
        Set<String> purposes,
        Set<DataCategory> categories,
        LawfulBasis basis,
        String consentPurpose,
        LocalDate validFrom,
        LocalDate validTo,
        String transferCountry,
        TransferSafeguard safeguard) {

    public AgreementTerms {
        purposes = Set.copyOf(purposes);
        categories = Set.copyOf(categories);
    }

    /** Whether this agreement is about this purpose and every requested category. */
    public boolean covers(String purpose, Set<DataCategory> requested) {
        return purposes.contains(purpose) && categories.containsAll(requested);
    }
}
