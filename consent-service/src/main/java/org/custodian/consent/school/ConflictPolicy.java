package org.custodian.consent.school;

/** How a school settles different decisions by the people with parental responsibility for one child. */
public enum ConflictPolicy {
    /** A refusal or withdrawal by anyone with parental responsibility beats a grant by another (the default). */
    MOST_RESTRICTIVE,
    /** The latest decision of anyone with parental responsibility stands. */
    LATEST_DECISION
}
