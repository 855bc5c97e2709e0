package org.custodian.consent.roster;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A pupil as the MIS sends one: in a roster sync every field including {@code pupilId}; in
 * {@code PUT …/pupils/{pupilId}} the id comes from the path.
 */
public record PupilInput(
        @Pattern(regexp = RosterIds.PATTERN, message = RosterIds.MESSAGE)
        String pupilId,

        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @PastOrPresent LocalDate dateOfBirth,
        @NotNull @Min(-2) @Max(14) Integer yearGroup,
        @NotNull LocalDate admissionDate,
        LocalDate leavingDate,

        @Pattern(regexp = "[A-Z][0-9]{11}[0-9A-Z]", message = "a UPN is a letter, 11 digits and a digit or letter")
        String upn) {

    public PupilInput withId(String id) {
        return new PupilInput(id, givenName, familyName, dateOfBirth, yearGroup, admissionDate, leavingDate, upn);
    }

    /** Field-to-field rules Bean Validation cannot say: admitted after birth, left after admission. */
    @JsonIgnore
    public String inconsistency() {
        if (admissionDate.isBefore(dateOfBirth)) {
            return "admissionDate: before the date of birth";
        }
        if (leavingDate != null && leavingDate.isBefore(admissionDate)) {
            return "leavingDate: before the admission date";
        }
        return null;
    }
}
