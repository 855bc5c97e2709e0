package org.custodian.consent.decision;

/** The effective status of one pupil for one purpose, after the resolution rules. */
public enum ConsentStatus {
    GRANTED,
    REFUSED,
    WITHDRAWN,
    EXPIRED,
    RENEWAL_NEEDED,
    NOT_ASKED;

    static ConsentStatus of(Decision decision) {
        return ConsentStatus.valueOf(decision.name());
    }
}
