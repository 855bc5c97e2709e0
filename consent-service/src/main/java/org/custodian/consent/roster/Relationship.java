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
    OTHER,
    /**
     * The local authority looking after the child (Children Act 1989, s.22(1)), linked as a corporate parent: for
     * biometrics it is the one notified and asked when no parent can be (Protection of Freedoms Act 2012, s.28(7)).
     */
    LOCAL_AUTHORITY,
    /** A voluntary organisation accommodating or maintaining the child (Protection of Freedoms Act 2012, s.28(8)). */
    VOLUNTARY_ORGANISATION
}
