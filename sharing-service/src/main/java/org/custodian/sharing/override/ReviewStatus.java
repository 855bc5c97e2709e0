package org.custodian.sharing.override;

/** Where an override's review stands. */
public enum ReviewStatus {
    /** Waiting for the DPO, its last day not passed. */
    PENDING,
    /** Waiting for the DPO after its last day. */
    OVERDUE,
    JUSTIFIED,
    NOT_JUSTIFIED
}
