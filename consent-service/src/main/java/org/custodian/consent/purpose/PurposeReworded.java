package org.custodian.consent.purpose;

/** Fired inside the transaction when a purpose got a wording that asks everyone again. */
public record PurposeReworded(String urn, String code) {}
