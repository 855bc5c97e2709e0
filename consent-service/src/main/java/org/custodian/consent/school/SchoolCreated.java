package org.custodian.consent.school;

/** Fired inside the transaction when a school is used for the first time (its default purposes are seeded then). */
public record SchoolCreated(String urn) {}
