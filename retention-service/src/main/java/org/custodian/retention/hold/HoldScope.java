package org.custodian.retention.hold;

/** What a legal hold covers. */
public enum HoldScope {
    /** Every record of the school. */
    SCHOOL,
    /** Every record about one pupil. */
    PUPIL,
    /** Every record of one class (e.g. child protection files while an inquiry asks schools not to destroy). */
    RECORD_CLASS
}
