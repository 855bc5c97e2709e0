package org.custodian.consent.decision;

/** What a person decided about one purpose. */
public enum Decision {
    GRANTED,
    REFUSED,
    WITHDRAWN;

    public boolean isRestrictive() {
        return this != GRANTED;
    }
}
