package org.custodian.consent.school;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.custodian.platform.calendar.Region;

/** The DPO's update of the school profile: every field, as PUT replaces the profile. */
public record SchoolRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull SchoolType type,
        @NotNull Region region,
        @Size(max = 200) String dpoName,
        @Email @Size(max = 254) String dpoEmail,
        @NotNull @Min(10) @Max(18) Integer competenceAge,
        @NotNull ConflictPolicy conflictPolicy) {}
