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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        String upn,

        @Schema(
                description = "optional: the DfE URN (six digits) of the school the pupil left for, when the MIS knows"
                        + " it; absent or null means unknown. While a leaving date is set, setting or changing it"
                        + " publishes pupil.left with it, so that the common transfer file and educational record are"
                        + " due to that school instead of the local authority (Education (Pupil Information)"
                        + " (England) Regulations 2005 reg 9(3)). Not this school's own URN.",
                pattern = "^[0-9]{6}$",
                examples = "123456")
        @Pattern(regexp = "[0-9]{6}", message = "a school URN is six digits")
        String destinationUrn) {

    public PupilInput withId(String id) {
        return new PupilInput(
                id, givenName, familyName, dateOfBirth, yearGroup, admissionDate, leavingDate, upn, destinationUrn);
    }

    /** Field-to-field rules Bean Validation cannot say: admitted after birth, left after admission. */
    @JsonIgnore
    public String inconsistency() {
        if (admissionDate == null) {
            return null;
        }
        if (dateOfBirth != null && admissionDate.isBefore(dateOfBirth)) {
            return "admissionDate: before the date of birth";
        }
        if (leavingDate != null && leavingDate.isBefore(admissionDate)) {
            return "leavingDate: before the admission date";
        }
        return null;
    }
}
