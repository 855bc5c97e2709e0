package org.custodian.consent.roster;

import java.util.List;

/** A guardian as the roster holds them, with their links to children. */
public record Guardian(String guardianId, String name, String email, List<Link> children, long version) {

    /** One guardian–child link. */
    public record Link(String pupilId, boolean parentalResponsibility, Relationship relationship) {
    }
}
