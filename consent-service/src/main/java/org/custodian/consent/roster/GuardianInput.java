package org.custodian.consent.roster;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A guardian and the children they are linked to; the list replaces their links. */
public record GuardianInput(
        @Pattern(regexp = RosterIds.PATTERN, message = RosterIds.MESSAGE)
        String guardianId,

        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 254) String email,
        @NotNull @Size(max = 30) List<@Valid @NotNull ChildLink> children) {

    /**
     * One link. {@code restricted} (default false) marks a court order or a contact restriction, {@code restriction}
     * its kind; a kind alone implies {@code restricted}. {@code hasCare} (default false): the person has care of the
     * child (the child lives with them), as the MIS records it; it matters for biometrics (Protection of Freedoms Act
     * 2012, s.28(6)).
     */
    public record ChildLink(
            @NotNull @Pattern(regexp = RosterIds.PATTERN, message = RosterIds.MESSAGE)
            String pupilId,

            @NotNull Boolean parentalResponsibility,
            @NotNull Relationship relationship,
            Boolean restricted,
            RestrictionKind restriction,

            @Schema(description = "Has care of the child (lives with them); default false")
            Boolean hasCare) {

        public ChildLink(String pupilId, Boolean parentalResponsibility, Relationship relationship) {
            this(pupilId, parentalResponsibility, relationship, null, null, null);
        }

        public boolean caring() {
            return Boolean.TRUE.equals(hasCare);
        }

        /** Whether the link is restricted: said so, or a kind given. */
        public boolean effectivelyRestricted() {
            return Boolean.TRUE.equals(restricted) || restriction != null;
        }

        /** A kind given with {@code restricted: false} contradicts itself. */
        boolean contradictsItself() {
            return Boolean.FALSE.equals(restricted) && restriction != null;
        }
    }

    public GuardianInput withId(String id) {
        return new GuardianInput(id, name, email, children);
    }
}
