package org.custodian.consent.roster;

/** One guardian as seen from a child's record; {@code restricted}: a court order or a contact restriction. */
public record GuardianOfPupil(
        String guardianId,
        String name,
        String email,
        boolean parentalResponsibility,
        Relationship relationship,
        boolean restricted) {}
