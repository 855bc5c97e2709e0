package org.custodian.consent.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.custodian.consent.roster.RosterIds;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A decision to record: granting, refusing and withdrawing are the same call. {@code purposeVersion} is the wording
 * that was shown (default: the current one); {@code evidenceRef} and {@code evidenceDate} identify a paper form.
 */
@Schema(name = "ConsentDecisionRequest")
public record DecisionRequest(
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "a purpose code")
        String purpose,

        @NotNull Decision decision,
        @NotNull @Valid GivenBy givenBy,
        @NotNull Method method,
        @Size(max = 200) String evidenceRef,
        LocalDate evidenceDate,
        @Positive Integer purposeVersion) {

    /** {@code type} GUARDIAN with the guardian's id, or PUPIL (the pupil in the path). */
    public record GivenBy(
            @NotNull Giver.Type type,

            @Pattern(regexp = RosterIds.PATTERN, message = RosterIds.MESSAGE)
            String guardianId) {}
}
