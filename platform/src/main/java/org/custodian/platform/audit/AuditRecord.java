package org.custodian.platform.audit;

/** A stored audit entry: its place in the school's chain, the previous row's hash and its own. */
public record AuditRecord(long seq, AuditEntry entry, String prevHash, String hash) {
}
