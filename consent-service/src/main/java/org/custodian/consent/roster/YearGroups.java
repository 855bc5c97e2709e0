package org.custodian.consent.roster;

/** Year groups as the MIS numbers them: -2 (nursery) to 14 (sixth form). */
public final class YearGroups {

    public static final int MIN = -2;
    public static final int MAX = 14;

    private YearGroups() {}
}
