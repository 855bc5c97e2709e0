package org.custodian.platform.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of walking a school's audit chain: intact, or where and how it breaks.
 *
 * @param rowsChecked          rows whose key, hash and link were checked
 * @param firstBrokenSeq       the first row found changed, missing or out of place (null when intact, or when only the
 *                             checkpoint itself is wrong)
 * @param checkpointSeq        the row the latest signed checkpoint anchors (null: no checkpoint yet)
 * @param checkpointAt         when that checkpoint was taken
 * @param rowsAfterCheckpoint  rows after it: a change to them is caught by the HMAC, but deleting them from the end of
 *                             the log is not (until a checkpoint covers them)
 * @param unkeyedRows          rows from before the chains were keyed (plain SHA-256), anchored only by a checkpoint
 */
public record AuditVerification(
        String schoolUrn,
        boolean intact,
        long rowsChecked,
        @Schema(nullable = true) Long firstBrokenSeq,
        @Schema(nullable = true) String problem,
        @Schema(nullable = true) Long checkpointSeq,
        @Schema(nullable = true) Instant checkpointAt,
        @Schema(nullable = true) long rowsAfterCheckpoint,
        long unkeyedRows) {}
