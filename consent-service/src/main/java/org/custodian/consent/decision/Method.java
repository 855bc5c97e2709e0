package org.custodian.consent.decision;

/** How a decision reached the school. */
public enum Method {
    PAPER,
    ONLINE,
    VERBAL,
    MIS_IMPORT;

    /** A decision staff record on someone's behalf arrived on paper, by word of mouth or from the MIS. */
    public boolean isOnBehalf() {
        return this != ONLINE;
    }
}
