package org.custodian.consent.roster;

import java.util.Set;

/** Fired inside the transaction when pupils' dates of birth, leaving dates or guardian links changed. */
public record RosterChanged(String urn, Set<String> pupilIds) {}
