package org.custodian.consent.roster;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pupil as the API shows them. */
public record PupilView(
        String pupilId,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        int yearGroup,
        @Schema(nullable = true) LocalDate admissionDate,
        @Schema(nullable = true) LocalDate leavingDate,
        @Schema(nullable = true) String upn,

        @Schema(nullable = true, description = "the DfE URN of the school the pupil left for, when the MIS knows it")
        String destinationUrn,

        boolean onRoll) {

    public static PupilView of(Pupil p, LocalDate today) {
        return new PupilView(
                p.pupilId(),
                p.givenName(),
                p.familyName(),
                p.dateOfBirth(),
                p.yearGroup(),
                p.admissionDate(),
                p.leavingDate(),
                p.upn(),
                p.destinationUrn(),
                p.onRollOn(today));
    }
}
