package org.custodian.platform.audit;

import java.time.Instant;

/**
 * A signed statement, kept outside the database, that a school's chain in a service had row {@code seq} with hash
 * {@code hash} at {@code at}. Ed25519 over {@link #signedText()} with the checkpoint key {@code keyId}.
 */
public record AuditCheckpoint(
        String service, String schoolUrn, long seq, String hash, Instant at, String keyId, String signature) {

    /** Exactly what is signed: every field but the signature and key id, one a line. */
    public String signedText() {
        return "custodian-audit-checkpoint/1\n" + service + "\n" + schoolUrn + "\n" + seq + "\n" + hash + "\n" + at
                + "\n";
    }
}
