package org.custodian.platform.audit;

/**
 * A stored audit entry: its place in the school's chain, the key that keyed its hash ({@link AuditKeys#UNKEYED} for
 * rows from before keyed chains), the previous row's hash and its own.
 */
public record AuditRecord(long seq, AuditEntry entry, String keyId, String prevHash, String hash) {}
