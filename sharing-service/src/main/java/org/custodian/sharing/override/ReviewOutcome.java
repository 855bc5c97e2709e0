package org.custodian.sharing.override;

/** The DPO's finding on an emergency override. */
public enum ReviewOutcome {
    /** Someone's vital interests were at stake and the disclosure was necessary. */
    JUSTIFIED,
    /** It was not: a disclosure without a lawful basis, to be handled as a personal data breach. */
    NOT_JUSTIFIED
}
