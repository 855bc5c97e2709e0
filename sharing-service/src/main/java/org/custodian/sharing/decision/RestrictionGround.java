package org.custodian.sharing.decision;

/**
 * UK GDPR Art. 18(2): where processing has been restricted, the data may, apart from storage, be processed "only with
 * the data subject's consent or for the establishment, exercise or defence of legal claims or for the protection of the
 * rights of another natural or legal person or for reasons of important public interest". A disclosure of restricted
 * data must record which; a lawful basis (even legal obligation) is not one of them.
 */
public enum RestrictionGround {
    CONSENT,
    LEGAL_CLAIMS,
    PROTECTION_OF_ANOTHER_PERSON,
    IMPORTANT_PUBLIC_INTEREST
}
