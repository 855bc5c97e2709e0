package org.custodian.consent.roster;

/** How a guardian is related to a child, as the MIS records it. */
public enum Relationship {
    MOTHER,
    FATHER,
    PARENT,
    STEP_PARENT,
    GUARDIAN,
    CARER,
    GRANDPARENT,
    FOSTER_CARER,
    SOCIAL_WORKER,
    OTHER
}
