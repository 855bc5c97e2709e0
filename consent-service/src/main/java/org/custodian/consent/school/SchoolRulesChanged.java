package org.custodian.consent.school;

/** Fired inside the transaction when the school's conflict policy or competence age changed. */
public record SchoolRulesChanged(String urn) {}
