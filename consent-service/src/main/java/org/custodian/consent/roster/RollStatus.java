package org.custodian.consent.roster;

/** Whether a pupil is on roll today or has left. */
public enum RollStatus {
    ON_ROLL,
    LEFT
}
