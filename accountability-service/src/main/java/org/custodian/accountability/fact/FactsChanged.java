package org.custodian.accountability.fact;

/** A CDI event, fired in the transaction that changed one or more of a school's facts. */
public record FactsChanged(String urn) {}
