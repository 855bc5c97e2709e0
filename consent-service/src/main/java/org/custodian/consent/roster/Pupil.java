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
        return changedFields(input).isEmpty();
    }

    /** The fields the input changes, in the order of the input record. */
    java.util.List<String> changedFields(PupilInput input) {
        java.util.List<String> changed = new java.util.ArrayList<>();
        if (!givenName.equals(input.givenName())) {
            changed.add("givenName");
        }
        if (!familyName.equals(input.familyName())) {
            changed.add("familyName");
        }
        if (!dateOfBirth.equals(input.dateOfBirth())) {
            changed.add("dateOfBirth");
        }
        if (yearGroup != input.yearGroup()) {
            changed.add("yearGroup");
        }
        if (!admissionDate.equals(input.admissionDate())) {
            changed.add("admissionDate");
        }
        if (!java.util.Objects.equals(leavingDate, input.leavingDate())) {
            changed.add("leavingDate");
        }
        if (!java.util.Objects.equals(upn, input.upn())) {
            changed.add("upn");
        }
        if (!java.util.Objects.equals(destinationUrn, input.destinationUrn())) {
            changed.add("destinationUrn");
        }
        return changed;
    }

    /** This pupil as the MIS would send them, with another leaving date. */
    PupilInput leavingOn(LocalDate day) {
        return new PupilInput(
                pupilId, givenName, familyName, dateOfBirth, yearGroup, admissionDate, day, upn, destinationUrn);
    }
}
