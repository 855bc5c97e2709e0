package org.custodian.consent.purpose;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new wording of a purpose; {@code requiresReconsent} makes consents to older wordings stop counting. */
public record RewordRequest(
        @NotBlank @Size(max = 5000) String wording,
        @Size(min = 1, max = 200) String title,
        @NotNull Boolean requiresReconsent) {}
