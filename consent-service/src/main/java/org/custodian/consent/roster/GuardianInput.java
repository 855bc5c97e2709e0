package org.custodian.consent.roster;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A guardian and the children they are linked to; the list replaces their links. */
public record GuardianInput(
        @Pattern(regexp = RosterIds.PATTERN, message = RosterIds.MESSAGE) String guardianId,
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 254) String email,
        @NotNull @Size(max = 30) List<@Valid @NotNull ChildLink> children) {

    public record ChildLink(
            @NotNull @Pattern(regexp = RosterIds.PATTERN, message = RosterIds.MESSAGE) String pupilId,
            @NotNull Boolean parentalResponsibility,
            @NotNull Relationship relationship) {
    }

    public GuardianInput withId(String id) {
        return new GuardianInput(id, name, email, children);
    }
}
