package org.custodian.sar.roster;

import org.custodian.platform.calendar.Region;

/**
 * The UK nation a school is in: which education law applies to it. The bank-holiday region cannot tell Wales from
 * England ("England and Wales" is one region), so the nation is a school setting of its own.
 */
public enum Nation {
    ENGLAND,
    WALES,
    SCOTLAND,
    NORTHERN_IRELAND;

    /** The nation named in a profile or event; otherwise the one the region implies (England for England and Wales). */
    public static Nation parseOr(String value, Region region) {
        if (value != null) {
            for (Nation nation : values()) {
                if (nation.name().equalsIgnoreCase(value.trim())) {
                    return nation;
                }
            }
        }
        return switch (region) {
            case SCOTLAND -> SCOTLAND;
            case NORTHERN_IRELAND -> NORTHERN_IRELAND;
            case ENGLAND_AND_WALES -> ENGLAND;
        };
    }
}
