package org.custodian.sar.roster;

import org.custodian.platform.calendar.Region;

/** The school settings sar-service keeps from {@code school.updated}. */
public record SchoolProfile(
        String urn, String name, String type, String region, int competenceAge, String dpoName, String dpoEmail) {

    public static final String MAINTAINED = "MAINTAINED";
    /** The age from which a child is taken to understand their rights, unless the school says otherwise. */
    public static final int DEFAULT_COMPETENCE_AGE = 13;

    /** What is assumed until consent-service has published the school: England and Wales, age 13, type unknown. */
    public static SchoolProfile unknown(String urn) {
        return new SchoolProfile(urn, null, null, null, SchoolProfile.DEFAULT_COMPETENCE_AGE, null, null);
    }

    public Region bankHolidayRegion() {
        return Region.parseOrDefault(region);
    }

    /** The Education (Pupil Information) (England) Regulations 2005 apply to maintained schools in England (and Wales). */
    public boolean educationalRecordApplies() {
        return MAINTAINED.equalsIgnoreCase(type) && bankHolidayRegion() == Region.ENGLAND_AND_WALES;
    }
}
