package org.custodian.platform.calendar;

/**
 * The UK nation a school is in (a school setting): which education law applies to it. The bank-holiday {@link Region}
 * cannot tell Wales from England ("England and Wales" is one region), so the nation is a setting of its own.
 */
public enum Nation {
    ENGLAND(Region.ENGLAND_AND_WALES),
    WALES(Region.ENGLAND_AND_WALES),
    SCOTLAND(Region.SCOTLAND),
    NORTHERN_IRELAND(Region.NORTHERN_IRELAND);

    /** DPA 2018 s.208: in Scotland a child of 12 or over is presumed to understand what exercising a right means. */
    public static final int SCOTTISH_COMPETENCE_AGE = 12;

    private final Region region;

    Nation(Region region) {
        this.region = region;
    }

    /** The bank-holiday region the nation lies in. */
    public Region region() {
        return region;
    }

    /** The nation a region implies when a school has not set one: England for England and Wales. */
    public static Nation of(Region region) {
        return switch (region) {
            case SCOTLAND -> SCOTLAND;
            case NORTHERN_IRELAND -> NORTHERN_IRELAND;
            case ENGLAND_AND_WALES -> ENGLAND;
        };
    }

    /** The nation named in a profile or event; otherwise the one the region implies. */
    public static Nation parseOr(String value, Region region) {
        if (value != null) {
            for (Nation nation : values()) {
                if (nation.name().equalsIgnoreCase(value.trim())) {
                    return nation;
                }
            }
        }
        return of(region);
    }

    /**
     * The age from which a child is taken to exercise their own rights: the school's setting (the privacy notice says
     * "usually under 13"), except in Scotland, where the statute presumes competence at 12 (DPA 2018 s.208).
     */
    public int competenceAge(int schoolSetting) {
        return this == SCOTLAND ? SCOTTISH_COMPETENCE_AGE : schoolSetting;
    }
}
