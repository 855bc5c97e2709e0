package org.custodian.sar.request;

import org.custodian.sar.deadline.DeadlineRule;

/** The rights a request exercises, and what follows from each. */
public enum RequestType {
    ACCESS,
    EDUCATIONAL_RECORD,
    RECTIFICATION,
    ERASURE,
    RESTRICTION,
    OBJECTION,
    PORTABILITY,
    COMPLAINT;

    public DeadlineRule deadlineRule() {
        return switch (this) {
            case EDUCATIONAL_RECORD -> DeadlineRule.FIFTEEN_SCHOOL_DAYS;
            case COMPLAINT -> DeadlineRule.COMPLAINT;
            default -> DeadlineRule.ONE_CALENDAR_MONTH;
        };
    }

    /** Art. 12(3) lets the controller extend by two further months; the 2005 Regulations and complaints have no extension. */
    public boolean extendable() {
        return this != EDUCATIONAL_RECORD && this != COMPLAINT;
    }

    /** Answered with a bundle of the data (assembled, then completed). */
    public boolean answeredWithBundle() {
        return this == ACCESS || this == PORTABILITY || this == EDUCATIONAL_RECORD;
    }

    /** Answered with a decision that other services act on. */
    public boolean answeredWithDecision() {
        return this == RECTIFICATION || this == ERASURE || this == RESTRICTION || this == OBJECTION;
    }

    /**
     * Whether a parent's request about a child of the competence age needs the child's agreement. The educational
     * record is the parent's own right under the 2005 Regulations, and a complaint is the parent's own.
     */
    public boolean parentNeedsChildAgreement() {
        return this != EDUCATIONAL_RECORD && this != COMPLAINT;
    }
}
