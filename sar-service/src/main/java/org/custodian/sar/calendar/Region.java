package org.custodian.sar.calendar;

/** The bank-holiday region a school is in (a school setting, from consent-service's school profile). */
public enum Region {
    ENGLAND_AND_WALES,
    SCOTLAND,
    NORTHERN_IRELAND;

    /** The region named in a profile, England and Wales when it is missing or unknown (the legal default). */
    public static Region parseOrDefault(String value) {
        if (value != null) {
            for (Region region : values()) {
                if (region.name().equalsIgnoreCase(value.trim())) {
                    return region;
                }
            }
        }
        return ENGLAND_AND_WALES;
    }
}
