package org.custodian.sharing.decision;

/** The safeguard for a transfer of personal data outside the UK (UK GDPR Chapter V). */
public enum TransferSafeguard {
    /** UK adequacy regulations for the destination country (DPA 2018 s.17A). */
    ADEQUACY,
    /** The ICO's International Data Transfer Agreement. */
    IDTA,
    /** The EU standard contractual clauses with the ICO's UK Addendum. */
    UK_ADDENDUM_SCC
}
