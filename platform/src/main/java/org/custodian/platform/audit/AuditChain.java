package org.custodian.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;

/**
 * The chain of a school's audit log. Each row's hash is an HMAC-SHA256, under a key that is not in the database, of
 * its key id, sequence number, every field and the previous row's hash: changing a row breaks its own hash, deleting
 * one breaks the link of the next, and nobody without the key can compute a hash that fits. The end of the chain is
 * anchored by signed checkpoints kept outside the database ({@link AuditCheckpoint}), which catch rows removed from
 * the end up to the latest checkpoint. Rows written before the chains were keyed ({@link AuditKeys#UNKEYED}) carry a
 * plain SHA-256 and are accepted only as the start of the chain and only as far as a checkpoint covers them.
 */
public final class AuditChain {

    /** The previous hash of a school's first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** The hash of a row keyed with {@code keyId}, or its plain SHA-256 when {@code keyId} is {@link AuditKeys#UNKEYED}. */
    public static String hash(AuditKeys keys, String keyId, long seq, String prevHash, AuditEntry entry) {
        return AuditKeys.UNKEYED.equals(keyId)
                ? unkeyedHash(seq, prevHash, entry)
                : keyedHash(keys.mac(keyId), keyId, seq, prevHash, entry);
    }

    /** The plain SHA-256 hash of rows from before keyed chains (anyone can compute it: it proves nothing alone). */
    public static String unkeyedHash(long seq, String prevHash, AuditEntry entry) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(input(new StringBuilder(256), seq, prevHash, entry)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyedHash(Mac mac, String keyId, long seq, String prevHash, AuditEntry entry) {
        StringBuilder input = new StringBuilder(256);
        field(input, keyId);
        return HexFormat.of().formatHex(mac.doFinal(input(input, seq, prevHash, entry)));
    }

    private static byte[] input(StringBuilder input, long seq, String prevHash, AuditEntry entry) {
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
        return input.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Length-prefixed, so that no two different rows can produce the same input. */
    private static void field(StringBuilder input, String value) {
        if (value == null) {
            input.append("-1:;");
        } else {
            input.append(value.length()).append(':').append(value).append(';');
        }
    }

    /**
     * Walks a school's rows in sequence order and reports the first break: from the first row against the latest
     * checkpoint ({@link #Verifier(AuditKeys, AuditCheckpoint)}), or from a checkpoint's own row onwards
     * ({@link #resumingAt}), which is how a new checkpoint is only ever written on top of the one before.
     */
    public static final class Verifier {
        private final AuditKeys keys;
        private final AuditCheckpoint checkpoint;
        private final Map<String, Mac> macs = new HashMap<>();
        private long expectedSeq;
        private String expectedPrev;
        private long checked;
        private long afterCheckpoint;
        private long unkeyed;
        private boolean keyedSeen;
        private boolean broken;
        private Long brokenAt;
        private String problem;

        /** From the first row; {@code checkpoint} is the latest signed checkpoint, or null if there is none yet. */
        public Verifier(AuditKeys keys, AuditCheckpoint checkpoint) {
            this(keys, checkpoint, 1, GENESIS);
        }

        private Verifier(AuditKeys keys, AuditCheckpoint checkpoint, long firstSeq, String firstPrev) {
            this.keys = keys;
            this.checkpoint = checkpoint;
            this.expectedSeq = firstSeq;
            this.expectedPrev = firstPrev;
        }

        /** From the row {@code checkpoint} anchors (which must still be there, unchanged) onwards. */
        public static Verifier resumingAt(AuditKeys keys, AuditCheckpoint checkpoint) {
            return new Verifier(keys, checkpoint, checkpoint.seq(), null);
        }

        /** The chain cannot be trusted for a reason outside its rows (e.g. the checkpoint's signature is wrong). */
        public void distrust(String why) {
            if (!broken) {
                broken = true;
                problem = why;
            }
        }

        /** The sequence number of the last row accepted (0 if none). */
        public long lastSeq() {
            return expectedSeq - 1;
        }

        /** Checks the next row; returns false once the chain is broken. */
        public boolean accept(AuditRecord row) {
            if (broken) {
                return false;
            }
            if (row.seq() != expectedSeq) {
                return fail(expectedSeq, "row " + expectedSeq + " is missing (next row found is " + row.seq() + ")");
            }
            if (expectedPrev != null && !row.prevHash().equals(expectedPrev)) {
                return fail(row.seq(), "row " + row.seq() + " does not link to the row before it");
            }
            if (AuditKeys.UNKEYED.equals(row.keyId())) {
                if (keyedSeen) {
                    return fail(row.seq(), "row " + row.seq() + " is not keyed but follows keyed rows");
                }
                if (checkpoint != null && row.seq() > checkpoint.seq()) {
                    return fail(row.seq(), "row " + row.seq() + " is not keyed and no checkpoint covers it");
                }
                unkeyed++;
                if (!unkeyedHash(row.seq(), row.prevHash(), row.entry()).equals(row.hash())) {
                    return fail(row.seq(), "row " + row.seq() + " has been changed");
                }
            } else {
                if (!keys.knows(row.keyId())) {
                    return fail(
                            row.seq(),
                            "row " + row.seq() + " is keyed with key '" + row.keyId()
                                    + "', which this service does not have");
                }
                keyedSeen = true;
                Mac mac = macs.computeIfAbsent(row.keyId(), keys::mac);
                if (!keyedHash(mac, row.keyId(), row.seq(), row.prevHash(), row.entry())
                        .equals(row.hash())) {
                    return fail(row.seq(), "row " + row.seq() + " has been changed");
                }
            }
            if (checkpoint != null
                    && row.seq() == checkpoint.seq()
                    && !row.hash().equals(checkpoint.hash())) {
                return fail(
                        row.seq(),
                        "row " + row.seq() + " is not the row the checkpoint of " + checkpoint.at()
                                + " anchors: the log up to it has been rewritten");
            }
            if (checkpoint != null && row.seq() > checkpoint.seq()) {
                afterCheckpoint++;
            }
            checked++;
            expectedSeq = row.seq() + 1;
            expectedPrev = row.hash();
            return true;
        }

        /**
         * Checks the end of the chain against the latest checkpoint (catches rows removed from the end up to it) and
         * against the recorded head (catches a removed last row whose head was left as it was).
         */
        public AuditVerification finish(String schoolUrn, long headSeq, String headHash) {
            long last = expectedSeq - 1;
            if (checkpoint != null && last < checkpoint.seq()) {
                fail(
                        expectedSeq,
                        "the log ends at row " + last + " but the checkpoint of " + checkpoint.at() + " anchors row "
                                + checkpoint.seq() + ": rows have been removed");
            }
            if (headSeq != last || expectedPrev != null && !headHash.equals(expectedPrev)) {
                fail(expectedSeq, "the log ends at row " + last + " but " + headSeq + " rows were written");
            }
            return new AuditVerification(
                    schoolUrn,
                    !broken,
                    checked,
                    brokenAt,
                    problem,
                    checkpoint == null ? null : checkpoint.seq(),
                    checkpoint == null ? null : checkpoint.at(),
                    checkpoint == null ? checked : afterCheckpoint,
                    unkeyed);
        }

        private boolean fail(long seq, String why) {
            if (!broken) {
                broken = true;
                brokenAt = seq;
                problem = why;
            }
            return false;
        }
    }
}
