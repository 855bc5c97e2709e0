package org.custodian.retention.holding;

/** Where a holding is in its life. */
public enum HoldingStatus {
    /** In the register, due or not yet. */
    ACTIVE,
    /** In a disposal batch awaiting the DPO's review. */
    PROPOSED,
    /** Approved for disposal; waiting for the owning system to confirm. */
    APPROVED,
    /** Destroyed, confirmed by the owning system. */
    DISPOSED,
    /** Transferred to the next school, confirmed by the owning system. */
    TRANSFERRED;

    /** Whether its due date still follows the schedule and the pupil's facts. */
    public boolean recomputable() {
        return this == ACTIVE || this == PROPOSED;
    }
}
