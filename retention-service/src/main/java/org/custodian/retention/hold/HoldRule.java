package org.custodian.retention.hold;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The part of a legal hold that decides which records it stops: its scope, and whether it still applies on a day
 * (not released, and its optional end not yet passed — it applies up to and including {@code endsOn}).
 */
public record HoldRule(HoldScope scope, String pupilId, String classCode, LocalDate endsOn, Instant releasedAt) {

    public boolean appliesOn(LocalDate day) {
        return releasedAt == null && (endsOn == null || !endsOn.isBefore(day));
    }

    /** Whether this hold stops disposal, on {@code day}, of a record of {@code recordClass} about {@code recordPupil}. */
    public boolean covers(String recordClass, String recordPupil, LocalDate day) {
        if (!appliesOn(day)) {
            return false;
        }
        return switch (scope) {
            case SCHOOL -> true;
            case PUPIL -> pupilId != null && pupilId.equals(recordPupil);
            case RECORD_CLASS -> classCode != null && classCode.equals(recordClass);
        };
    }
}
