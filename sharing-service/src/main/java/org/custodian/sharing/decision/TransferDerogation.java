package org.custodian.sharing.decision;

/**
 * UK GDPR Art. 49(1): derogations for an occasional, necessary transfer outside the UK with no adequacy and no
 * appropriate safeguard (e.g. a hospital abroad on a school trip). Recorded with the disclosure.
 */
public enum TransferDerogation {
    /** Art. 49(1)(a): explicit consent after being told of the risks. */
    EXPLICIT_CONSENT("Art. 49(1)(a)"),
    /** Art. 49(1)(b): a contract with the data subject. */
    CONTRACT_WITH_DATA_SUBJECT("Art. 49(1)(b)"),
    /** Art. 49(1)(c): a contract in the data subject's interest. */
    CONTRACT_IN_DATA_SUBJECT_INTEREST("Art. 49(1)(c)"),
    /** Art. 49(1)(d): important reasons of public interest. */
    IMPORTANT_PUBLIC_INTEREST("Art. 49(1)(d)"),
    /** Art. 49(1)(e): legal claims. */
    LEGAL_CLAIMS("Art. 49(1)(e)"),
    /** Art. 49(1)(f): vital interests, the data subject physically or legally incapable of giving consent. */
    VITAL_INTERESTS("Art. 49(1)(f)");

    private final String citation;

    TransferDerogation(String citation) {
        this.citation = citation;
    }

    public String citation() {
        return citation;
    }
}
