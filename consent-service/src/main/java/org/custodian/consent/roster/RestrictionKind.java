package org.custodian.consent.roster;

/**
 * Why the MIS marks a guardian–child link as restricted: a court order (for instance a prohibited steps or child
 * arrangements order limiting what the person may know or do) or a contact restriction the school must keep.
 */
public enum RestrictionKind {
    COURT_ORDER,
    NO_CONTACT
}
