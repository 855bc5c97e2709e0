package org.custodian.sharing.override;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The DPO's finding on one override, with a note saying why. */
public record ReviewRequest(
        @NotNull ReviewOutcome outcome,

        @NotBlank @Size(min = 10, max = 4000, message = "say why, in 10 to 4000 characters")
        String note) {}
