package org.custodian.consent.roster;

/**
 * How a roster sync treats what it does not list. {@code INCREMENTAL} (the default): only the pupils and guardians
 * listed change. {@code FULL}: the feed is the whole roster, so pupils on roll it does not list are marked left today
 * and links of guardians it does not list are removed.
 */
public enum SyncMode {
    INCREMENTAL,
    FULL
}
