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
 * @param conditions      what else the law needs recorded: special category and criminal offence conditions, the
 *                        recipient's role, the contract with the data subject, the adequacy scheme, a restriction
 *                        exception
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
        TransferSafeguard safeguard,
        Conditions conditions) {

    /**
     * @param specialCategory     the Art. 9(2) condition for special category data; null when none is recorded
     * @param schedule1           the DPA 2018 Sch. 1 condition (s.10); null when none is recorded
     * @param recipientRole       controller or processor (Art. 28)
     * @param dataSubjectContract the contract with the pupil (or for them) that the contract basis rests on; null if none
     * @param adequacyScheme      the scheme a partial adequacy regulation covers the recipient under; null if none
     * @param restrictionGround the Art. 18(2) ground on which restricted data may still go; null if none
     */
    public record Conditions(
            SpecialCategoryCondition specialCategory,
            Schedule1Condition schedule1,
            RecipientRole recipientRole,
            String dataSubjectContract,
            AdequacyScheme adequacyScheme,
            RestrictionGround restrictionGround) {

        /** Nothing recorded: a controller recipient. */
        public static final Conditions NONE = new Conditions(null, null, RecipientRole.CONTROLLER, null, null, null);

        public Conditions {
            if (recipientRole == null) {
                recipientRole = RecipientRole.CONTROLLER;
            }
        }
    }

    public AgreementTerms {
        purposes = Set.copyOf(purposes);
        categories = Set.copyOf(categories);
        if (conditions == null) {
            conditions = Conditions.NONE;
        }
    }

    /** An agreement with nothing further recorded ({@link Conditions#NONE}). */
    public AgreementTerms(
            UUID id,
            Set<String> purposes,
            Set<DataCategory> categories,
            LawfulBasis basis,
            String consentPurpose,
            LocalDate validFrom,
            LocalDate validTo,
            String transferCountry,
            TransferSafeguard safeguard) {
        this(
                id,
                purposes,
                categories,
                basis,
                consentPurpose,
                validFrom,
                validTo,
                transferCountry,
                safeguard,
                Conditions.NONE);
    }

    /** Whether this agreement is about this purpose and every requested category. */
    public boolean covers(String purpose, Set<DataCategory> requested) {
        return purposes.contains(purpose) && categories.containsAll(requested);
    }

    public AgreementTerms with(Conditions newConditions) {
        return new AgreementTerms(
                id,
                purposes,
                categories,
                basis,
                consentPurpose,
                validFrom,
                validTo,
                transferCountry,
                safeguard,
                newConditions);
    }
}
