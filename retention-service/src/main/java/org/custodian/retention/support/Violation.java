package org.custodian.retention.support;

/** One reason a rule or request is not acceptable, named by the field it is about. */
public record Violation(String field, String message) {}
