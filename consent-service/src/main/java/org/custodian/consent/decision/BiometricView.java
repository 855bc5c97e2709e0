package org.custodian.consent.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodian.consent.decision.BiometricRules.NoticeOutcome;

/** A pupil's biometric record: parents notified (or excepted), alternatives offered, template deletions raised. */
public record BiometricView(
        String pupilId,
        List<BiometricQueries.Notice> notices,
        List<BiometricQueries.Alternative> alternatives,
        List<BiometricQueries.TemplateDeletion> templateDeletions) {

    /** A notice just recorded, with the pupil's status for the purpose after it. */
    public record NoticeRecorded(
            String noticeId,
            String pupilId,
            String purpose,
            String guardianId,
            NoticeOutcome outcome,
            LocalDate date,
            String evidenceRef,
            Instant recordedAt,
            String recordedBy,
            ConsentStatus effectiveStatus) {

        static NoticeRecorded of(BiometricQueries.Notice n, ConsentStatus status) {
            return new NoticeRecorded(
                    n.noticeId(),
                    n.pupilId(),
                    n.purpose(),
                    n.guardianId(),
                    n.outcome(),
                    n.date(),
                    n.evidenceRef(),
                    n.recordedAt(),
                    n.recordedBy(),
                    status);
        }
    }
}
