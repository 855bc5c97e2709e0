package org.custodian.sar.roster;

/** Fired (synchronously, in the transaction) when what a school's deadlines depend on changed: its region or calendar. */
public record SchoolSettingsChanged(String schoolUrn) {}
