package org.custodian.consent.roster;

import org.custodian.platform.problems.Problems;

/** Year groups as the MIS numbers them: -2 (nursery) to 14 (sixth form). */
public final class YearGroups {

    private YearGroups() {}

    /** A {@code yearGroup} query filter, or null when absent. */
    public static Integer parseFilter(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            int year = Integer.parseInt(value);
            if (year >= -2 && year <= 14) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalid("yearGroup", "a whole number from -2 to 14");
    }
}
