package org.custodian.consent.decision;

/** The effective status of one pupil for one purpose, after the resolution rules. */
public enum ConsentStatus {
    GRANTED,
    REFUSED,
    WITHDRAWN,
    EXPIRED,
    RENEWAL_NEEDED,
    NOT_ASKED,
    /**
     * Biometric purposes: a parent consented in writing, but not every parent who must be was notified in writing
     * before processing (Protection of Freedoms Act 2012, s.26(2)); never permitted.
     */
    NOTIFICATION_NEEDED;

    static ConsentStatus of(Decision decision) {
        return ConsentStatus.valueOf(decision.name());
    }
}
