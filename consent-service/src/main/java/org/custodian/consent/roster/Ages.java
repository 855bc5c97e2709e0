package org.custodian.consent.roster;

import java.time.LocalDate;
import java.time.Period;

/** Ages in whole years, as the law counts them (a 29 February birthday falls on 1 March in a common year). */
public final class Ages {

    private Ages() {}

    public static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    /** Whether a pupil exercises their own rights on {@code day}, given the school's competence age. */
    public static boolean isCompetent(LocalDate dateOfBirth, LocalDate day, int competenceAge) {
        return ageOn(dateOfBirth, day) >= competenceAge;
    }
}
