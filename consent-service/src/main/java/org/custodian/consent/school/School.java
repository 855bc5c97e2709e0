package org.custodian.consent.school;

import org.custodian.platform.calendar.Region;

/** A school's profile and the settings the other services keep a copy of. */
public record School(
        String urn,
        String name,
        SchoolType type,
        Region region,
        String dpoName,
        String dpoEmail,
        int competenceAge,
        ConflictPolicy conflictPolicy,
        long version) {

    public static final int DEFAULT_COMPETENCE_AGE = 13;

    /** The profile a school starts with on first use; the demo school's values come from its privacy notice. */
    public static School defaults(String urn) {
        if (urn.equals("100001")) {
            return new School(
                    urn,
                    "Cassiobury Infant School",
                    SchoolType.MAINTAINED,
                    Region.ENGLAND_AND_WALES,
                    "Carole, School DPO Service",
                    "carole@schoolDPOservice.com",
                    DEFAULT_COMPETENCE_AGE,
                    ConflictPolicy.MOST_RESTRICTIVE,
                    1);
        }
        return new School(
                urn,
                "School " + urn,
                SchoolType.MAINTAINED,
                Region.ENGLAND_AND_WALES,
                null,
                null,
                DEFAULT_COMPETENCE_AGE,
                ConflictPolicy.MOST_RESTRICTIVE,
                1);
    }
}
