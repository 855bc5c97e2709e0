package org.custodian.retention.schedule;

/** What happens to a record when it falls due. */
public enum DisposalAction {
    /** Secure destruction. */
    DESTROY,
    /** Transfer to the pupil's next school (if none is known, the DPO keeps it for review instead). */
    TRANSFER_TO_NEXT_SCHOOL,
    /** The DPO must decide: destroy, or keep with a new review date. */
    REVIEW
}
