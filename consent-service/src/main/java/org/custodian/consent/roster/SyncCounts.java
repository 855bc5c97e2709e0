package org.custodian.consent.roster;

/** What a sync did to one kind of roster entry. */
public record SyncCounts(int created, int updated, int unchanged) {

    public static final SyncCounts NONE = new SyncCounts(0, 0, 0);
}
