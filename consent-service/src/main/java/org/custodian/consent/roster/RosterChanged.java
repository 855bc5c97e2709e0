package org.custodian.consent.roster;

import java.util.Set;

/**
 * Fired inside the transaction when pupils' dates of birth, leaving dates, guardian links or the DPO's assessment of
 * their competence changed.
 */
public record RosterChanged(String urn, Set<String> pupilIds) {}
