package org.custodian.retention.hold;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A legal hold as stored: what it covers, why, who placed it, and whether and how it was released. */
public record LegalHold(
        UUID id,
        String schoolUrn,
        HoldScope scope,
        String pupilId,
        String classCode,
        String reason,
        String reference,
        String placedBy,
        Instant placedAt,
        LocalDate endsOn,
        Instant releasedAt,
        String releasedHow,
        String releasedBy,
        String releaseReason) {

    public enum Status {
        ACTIVE,
        ENDED,
        RELEASED
    }

    public HoldRule rule() {
        return new HoldRule(scope, pupilId, classCode, endsOn, releasedAt);
    }

    public Status statusOn(LocalDate day) {
        if (releasedAt != null) {
            return "ENDED".equals(releasedHow) ? Status.ENDED : Status.RELEASED;
        }
        return rule().appliesOn(day) ? Status.ACTIVE : Status.ENDED;
    }
}
