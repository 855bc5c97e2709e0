package org.custodian.sar.deadline;

/** Where a request's clock stands. */
public enum Clock {
    /** Waiting for identity or a fee that was asked for: the time limit has not begun. */
    NOT_STARTED,
    RUNNING,
    /** Waiting for clarification: the clock is stopped and resumes when the answer arrives. */
    PAUSED
}
