package org.custodian.consent.roster;

import java.time.LocalDate;

/**
 * A pupil as the MIS holds them. {@code pupilId} is the MIS's own id; {@code destinationUrn} the school the pupil left
 * for, when the MIS knows it.
 */
public record Pupil(
        String pupilId,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        int yearGroup,
        LocalDate admissionDate,
        LocalDate leavingDate,
        String upn,
        String destinationUrn,
        long version) {

    /** On roll up to and including the leaving date. */
    public boolean onRollOn(LocalDate day) {
        return leavingDate == null || !day.isAfter(leavingDate);
    }

    /** The same facts as {@code pupil.updated} carries apart from leaving: date of birth, year group, admission. */
    boolean sameEnrolmentAs(PupilInput input) {
        return dateOfBirth.equals(input.dateOfBirth())
                && yearGroup == input.yearGroup()
                && admissionDate.equals(input.admissionDate());
    }

    boolean sameFactsAs(PupilInput input) {
        return givenName.equals(input.givenName())
                && familyName.equals(input.familyName())
                && dateOfBirth.equals(input.dateOfBirth())
                && yearGroup == input.yearGroup()
                && admissionDate.equals(input.admissionDate())
                && java.util.Objects.equals(leavingDate, input.leavingDate())
                && java.util.Objects.equals(upn, input.upn())
                && java.util.Objects.equals(destinationUrn, input.destinationUrn());
    }
}
