package org.custodian.consent.decision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The reasonable alternative offered to a child whose biometric information may not be processed, so that they can
 * do what the system is for (e.g. a PIN or a card at the till; Protection of Freedoms Act 2012, s.26(7)).
 * {@code offeredOn} defaults to today.
 */
public record BiometricAlternativeRequest(
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "a purpose code")
        String purpose,

        @NotBlank @Size(max = 500) String alternative,
        LocalDate offeredOn) {}
