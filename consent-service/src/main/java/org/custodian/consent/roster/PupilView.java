package org.custodian.consent.roster;

import java.time.LocalDate;

/** A pupil as the API shows them. */
public record PupilView(
        String pupilId,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        int yearGroup,
        LocalDate admissionDate,
        LocalDate leavingDate,
        String upn,
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
                p.onRollOn(today));
    }
}
