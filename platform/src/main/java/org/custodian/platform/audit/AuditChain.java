package org.custodian.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of a school's audit log. Each row's hash covers its sequence number, every field and the
 * previous row's hash, so changing a row breaks its own hash and deleting one breaks the link of the next.
 */
public final class AuditChain {

    /** The previous hash of a school's first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(long seq, String prevHash, AuditEntry entry) {
        StringBuilder input = new StringBuilder(256);
        field(input, Long.toString(seq));
        field(input, prevHash);
        field(input, entry.schoolUrn());
        field(input, entry.occurredAt().toString());
        field(input, entry.actor());
        field(input, entry.actorRole());
        field(input, entry.subject());
        field(input, entry.action());
        field(input, entry.outcome().name());
        field(input, entry.requestId());
        field(input, entry.detail());
        return sha256(input.toString());
    }

    /** Length-prefixed, so that no two different rows can produce the same input. */
    private static void field(StringBuilder input, String value) {
        if (value == null) {
            input.append("-1:;");
        } else {
            input.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static String sha256(String input) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks a school's rows in sequence order and reports the first break. */
    public static final class Verifier {
        private long expectedSeq = 1;
        private String expectedPrev = GENESIS;
        private long checked;
        private Long brokenAt;
        private String problem;

        /** Checks the next row; returns false once the chain is broken. */
        public boolean accept(AuditRecord row) {
            if (brokenAt != null) {
                return false;
            }
            if (row.seq() != expectedSeq) {
                return fail(expectedSeq, "row " + expectedSeq + " is missing (next row found is " + row.seq() + ")");
            }
            if (!row.prevHash().equals(expectedPrev)) {
                return fail(row.seq(), "row " + row.seq() + " does not link to the row before it");
            }
            if (!hash(row.seq(), row.prevHash(), row.entry()).equals(row.hash())) {
                return fail(row.seq(), "row " + row.seq() + " has been changed");
            }
            checked++;
            expectedSeq = row.seq() + 1;
            expectedPrev = row.hash();
            return true;
        }

        /** Checks the end of the chain against the recorded head (catches a deleted last row). */
        public AuditVerification finish(String schoolUrn, long headSeq, String headHash) {
            if (brokenAt == null && (headSeq != expectedSeq - 1 || !headHash.equals(expectedPrev))) {
                fail(expectedSeq, "the log ends at row " + (expectedSeq - 1) + " but " + headSeq + " rows were written");
            }
            return new AuditVerification(schoolUrn, brokenAt == null, checked, brokenAt, problem);
        }

        private boolean fail(long seq, String why) {
            brokenAt = seq;
            problem = why;
            return false;
        }
    }
}
