package org.custodian.sar.notice;

/** How to reach the Information Commissioner's Office, as a notice (or the statutory minimum) gives it. */
public record Ico(String name, String online, String telephone, String address) {}
