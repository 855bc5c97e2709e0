package org.custodian.retention.schedule;

/** Whether a record class rests on consent (erasure and withdrawal end it) or on a legal obligation (they do not). */
public enum LegalBasis {
    CONSENT,
    LEGAL_OBLIGATION
}
