package org.custodian.consent.roster;

import java.util.regex.Pattern;

/** Pupil and guardian ids are the MIS's own: 1 to 64 of A-Z, a-z, 0-9, _ and -. */
public final class RosterIds {

    public static final String PATTERN = "[A-Za-z0-9_-]{1,64}";
    public static final String MESSAGE = "1 to 64 of A-Z, a-z, 0-9, _ and -";
    public static final Pattern ID = Pattern.compile(PATTERN);

    private RosterIds() {}
}
