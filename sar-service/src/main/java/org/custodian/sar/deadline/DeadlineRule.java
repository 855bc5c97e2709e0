package org.custodian.sar.deadline;

/** How a request's deadline is counted. */
public enum DeadlineRule {
    /** UK GDPR Art. 12(3): one calendar month from the start, extendable by two further months. */
    ONE_CALENDAR_MONTH,
    /** Education (Pupil Information) (England) Regulations 2005: 15 school days, no extension. */
    FIFTEEN_SCHOOL_DAYS,
    /**
     * DPA 2018 s.164A complaints: acknowledged within 30 days of receipt; answered without undue delay, for which
     * the suite's target is one calendar month counted like a subject access request.
     */
    COMPLAINT
}
