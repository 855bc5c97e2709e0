package org.custodian.consent.changes;

import java.time.Instant;
import java.util.List;

/** A change to append to the feed, in the transaction that makes it. */
public record NewChange(
        ChangeKind kind,
        Instant at,
        String byRole,
        String pupilId,
        String guardianId,
        String purpose,
        String decision,
        String decisionId,
        String givenByType,
        String status,
        String outcome,
        List<String> changedFields) {

    /** A consent decision about a pupil and purpose, and the pupil's effective status for it afterwards. */
    public static NewChange decision(
            Instant at,
            String byRole,
            String pupilId,
            String purpose,
            String decision,
            String decisionId,
            String givenByType,
            String guardianId,
            String status) {
        return new NewChange(
                ChangeKind.CONSENT_DECISION,
                at,
                byRole,
                pupilId,
                guardianId,
                purpose,
                decision,
                decisionId,
                givenByType,
                status,
                null,
                List.of());
    }

    /** A pupil created or changed in the suite. */
    public static NewChange pupil(Instant at, String byRole, String pupilId, String outcome, List<String> fields) {
        return new NewChange(
                ChangeKind.PUPIL, at, byRole, pupilId, null, null, null, null, null, null, outcome, fields);
    }

    /** A guardian (or their links) created or changed in the suite. */
    public static NewChange guardian(
            Instant at, String byRole, String guardianId, String outcome, List<String> fields) {
        return new NewChange(
                ChangeKind.GUARDIAN, at, byRole, null, guardianId, null, null, null, null, null, outcome, fields);
    }
}
