package org.custodian.consent.roster;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A guardian as the roster holds them, with their links to children. */
public record Guardian(
        String guardianId,
        @Schema(nullable = true) String name,
        @Schema(nullable = true) String email,
        List<Link> children,
        long version) {

    /**
     * One guardian–child link; {@code restricted} and {@code restriction} mark a court order or a contact restriction
     * (left out of a parent's view of themselves: whether to tell them is the DPO's decision).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(
            String pupilId,
            boolean parentalResponsibility,
            Relationship relationship,
            @Schema(nullable = true) Boolean restricted,
            @Schema(nullable = true) RestrictionKind restriction,
            boolean hasCare) {

        public Link(String pupilId, boolean parentalResponsibility, Relationship relationship) {
            this(pupilId, parentalResponsibility, relationship, false, null, false);
        }

        public boolean restrictedNow() {
            return Boolean.TRUE.equals(restricted);
        }
    }

    /** The guardian as they see themselves: their links without the restriction markers. */
    public Guardian withoutRestrictions() {
        return new Guardian(
                guardianId,
                name,
                email,
                children.stream()
                        .map(l -> new Link(
                                l.pupilId(), l.parentalResponsibility(), l.relationship(), null, null, l.hasCare()))
                        .toList(),
                version);
    }
}
