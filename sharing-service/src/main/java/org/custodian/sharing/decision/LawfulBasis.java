package org.custodian.sharing.decision;

/** UK GDPR Art. 6(1) lawful bases a disclosure can rest on. */
public enum LawfulBasis {
    LEGAL_OBLIGATION,
    PUBLIC_TASK,
    CONSENT,
    VITAL_INTERESTS,
    CONTRACT,
    LEGITIMATE_INTERESTS;

    /**
     * Whether a disclosure on this basis may go ahead while an objection is upheld: only a legal obligation or
     * someone's vital interests (the right to object, Art. 21(1), reaches processing on Art. 6(1)(e) or (f); the suite
     * keeps the stricter reading for consent and contract too). A restriction is different: no basis sets it aside,
     * only an Art. 18(2) ground ({@link RestrictionGround}).
     */
    public boolean overridesObjection() {
        return this == LEGAL_OBLIGATION || this == VITAL_INTERESTS;
    }

    /** Which basis to prefer when several agreements would allow a disclosure (lower first). */
    int preference() {
        return switch (this) {
            case LEGAL_OBLIGATION -> 0;
            case PUBLIC_TASK -> 1;
            case CONTRACT -> 2;
            case LEGITIMATE_INTERESTS -> 3;
            case VITAL_INTERESTS -> 4;
            case CONSENT -> 5;
        };
    }
}
