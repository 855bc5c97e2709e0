package org.custodian.consent.school;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.custodian.platform.calendar.Nation;
import org.custodian.platform.calendar.Region;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The DPO's update of the school profile: every field, as PUT replaces the profile; a missing {@code nation} is the one
 * the region implies.
 */
public record SchoolRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull SchoolType type,
        @NotNull Region region,
        @Size(max = 200) String dpoName,
        @Email @Size(max = 254) String dpoEmail,
        @NotNull @Min(10) @Max(18) Integer competenceAge,
        @NotNull ConflictPolicy conflictPolicy,

        @Schema(
                description = "The UK nation the school is in, which decides the education law that applies (England "
                        + "and Wales share a bank-holiday region); it must lie in the region. Missing: the one the region "
                        + "implies (England for ENGLAND_AND_WALES). In Scotland the competence age in effect is 12 "
                        + "(DPA 2018 s.208), whatever competenceAge says.")
        Nation nation) {}
