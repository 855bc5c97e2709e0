package org.custodian.sar.roster;

import org.custodian.platform.calendar.Nation;
import org.custodian.platform.calendar.Region;
import org.custodian.sar.deadline.Deadlines;

/** The school settings sar-service keeps from {@code school.updated}. */
public record SchoolProfile(
        String urn,
        String name,
        String type,
        String region,
        int competenceAge,
        String dpoName,
        String dpoEmail,
        String nation) {

    public static final String MAINTAINED = "MAINTAINED";
    /** The age from which a child is taken to understand their rights, unless the school says otherwise. */
    public static final int DEFAULT_COMPETENCE_AGE = 13;

    /** What is assumed until consent-service has published the school: England and Wales, age 13, type unknown. */
    public static SchoolProfile unknown(String urn) {
        return new SchoolProfile(urn, null, null, null, SchoolProfile.DEFAULT_COMPETENCE_AGE, null, null, null);
    }

    public Region bankHolidayRegion() {
        return Region.parseOrDefault(region);
    }

    /** The school's nation: the setting, or what the region implies (England for England and Wales). */
    public Nation schoolNation() {
        return Nation.parseOr(nation, bankHolidayRegion());
    }

    /** The age from which a child exercises their own rights here ({@link Nation#competenceAge}). */
    public int effectiveCompetenceAge() {
        return schoolNation().competenceAge(competenceAge);
    }

    /**
     * The parent's right to the educational record applies to maintained schools in England (Education (Pupil
     * Information) (England) Regulations 2005) and in Wales (Pupil Information (Wales) Regulations 2011).
     */
    public boolean educationalRecordApplies() {
        Nation n = schoolNation();
        return MAINTAINED.equalsIgnoreCase(type) && (n == Nation.ENGLAND || n == Nation.WALES);
    }

    /** The regulations that give the educational record right at this school, for citations and workings. */
    public String pupilInformationRegulations() {
        return schoolNation() == Nation.WALES ? Deadlines.WALES_REGULATIONS : Deadlines.ENGLAND_REGULATIONS;
    }
}
