package org.custodian.consent.school;

import org.custodian.platform.calendar.Nation;
import org.custodian.platform.calendar.Region;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The school profile as the API shows it. */
@Schema(name = "School")
public record SchoolView(
        String urn,
        @Schema(nullable = true) String name,
        @Schema(nullable = true) SchoolType type,
        @Schema(nullable = true) Region region,
        @Schema(nullable = true) Nation nation,
        @Schema(nullable = true) String dpoName,
        @Schema(nullable = true) String dpoEmail,
        int competenceAge,

        @Schema(description = "The age from which a pupil answers for themself: competenceAge, or 12 in Scotland")
        int competenceAgeInEffect,

        ConflictPolicy conflictPolicy,
        long version) {

    public static SchoolView of(School school) {
        return new SchoolView(
                school.urn(),
                school.name(),
                school.type(),
                school.region(),
                school.nation(),
                school.dpoName(),
                school.dpoEmail(),
                school.competenceAge(),
                school.effectiveCompetenceAge(),
                school.conflictPolicy(),
                school.version());
    }
}
