package org.custodian.consent.purpose;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new purpose a DPO adds to the school's catalogue. */
public record PurposeRequest(
        @NotNull
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "2 to 40 of A-Z, 0-9 and _, starting with a letter")
        String code,

        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 5000) String wording,
        @NotNull PurposeKind kind,
        @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String> dataCategories,
        @Size(max = 20) String validity) {}
