package org.custodian.sharing.action;

/**
 * Where a partner action stands. {@code OPEN}, {@code ACKNOWLEDGED} and {@code OVERDUE} wait for the partner;
 * {@code COMPLETED} and {@code DISPUTED} are its answers; {@code CLOSED} is the school's own closing by hand.
 */
public enum ActionStatus {
    OPEN,
    ACKNOWLEDGED,
    OVERDUE,
    COMPLETED,
    DISPUTED,
    CLOSED;

    /** Still waiting for the partner to act. */
    public boolean awaitingPartner() {
        return this == OPEN || this == ACKNOWLEDGED || this == OVERDUE;
    }
}
