package org.custodian.consent.school;

import org.custodian.platform.calendar.Region;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The school profile as the API shows it. */
@Schema(name = "School")
public record SchoolView(
        String urn,
        String name,
        SchoolType type,
        Region region,
        String dpoName,
        String dpoEmail,
        int competenceAge,
        ConflictPolicy conflictPolicy,
        long version) {

    public static SchoolView of(School school) {
        return new SchoolView(
                school.urn(),
                school.name(),
                school.type(),
                school.region(),
                school.dpoName(),
                school.dpoEmail(),
                school.competenceAge(),
                school.conflictPolicy(),
                school.version());
    }
}
