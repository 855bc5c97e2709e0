package org.custodian.platform.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of the events retention-service puts on {@code custodian.retention.v1}. They carry identifiers,
 * the record's class and its owning system's reference (what a system needs to act), never names or dates of birth.
 * Per-record events are about the pupil when the record names one (keyed {@code {urn}:{pupilId}}), otherwise about
 * the school.
 */
public final class RetentionEvents {

    private RetentionEvents() {}

    /**
     * {@code disposal.proposed}: a batch of due, unheld records awaits the DPO's review (about the school).
     *
     * @param proposedBy the user who asked, or {@code retention-service} for the daily job
     */
    public record DisposalProposed(
            String batchId,
            LocalDate dueOnOrBefore,
            int itemCount,
            Map<String, Integer> itemsByClass,
            Map<String, Integer> itemsByAction,
            String proposedBy,
            Instant proposedAt) {}

    /**
     * {@code disposal.approved}: the DPO approved one record for disposal; its owning {@code system} destroys (or
     * transfers) the record with {@code reference} and confirms.
     *
     * @param action        {@code DESTROY} or {@code TRANSFER}
     * @param nextSchoolUrn for a transfer, the next school when the DPO named it
     */
    public record DisposalApproved(
            String batchId,
            String holdingId,
            String pupilId,
            String recordClass,
            String system,
            String reference,
            String action,
            String nextSchoolUrn,
            String approvedBy,
            Instant approvedAt) {}

    /**
     * {@code record.disposed}: the owning system confirmed that it destroyed (or transferred) the record.
     *
     * @param outcome {@code DESTROYED} or {@code TRANSFERRED}
     */
    public record RecordDisposed(
            String batchId,
            String holdingId,
            String pupilId,
            String recordClass,
            String system,
            String reference,
            String outcome,
            LocalDate disposedOn,
            String method,
            String confirmedBy) {}

    /**
     * {@code legal-hold.placed}: stop destroying what the hold covers.
     *
     * @param scope {@code SCHOOL}, {@code PUPIL} (with {@code pupilId}) or {@code RECORD_CLASS} (with {@code recordClass})
     */
    public record LegalHoldPlaced(
            String holdId,
            String scope,
            String pupilId,
            String recordClass,
            String reference,
            LocalDate endsOn,
            String placedBy,
            Instant placedAt) {}

    /**
     * {@code legal-hold.released}: the hold no longer stops disposal.
     *
     * @param how {@code RELEASED} (by a person) or {@code ENDED} (its end date passed)
     */
    public record LegalHoldReleased(
            String holdId,
            String scope,
            String pupilId,
            String recordClass,
            String reference,
            String how,
            String releasedBy,
            Instant releasedAt) {}

    /**
     * {@code retention-rule.changed}: the school's rule for a record class as it now stands, about the school. The
     * reason given and who changed it stay in the service (its audit trail and the class's versions).
     *
     * @param origin  {@code SCHOOL_OVERRIDE} (the school's version of an IRMS row), {@code SCHOOL_CLASS} (its own), or
     *                {@code IRMS} (the default row, announced once per school and again when a release revises it)
     * @param version the class's version: 1 for the first override or a new class (the IRMS row is version 0)
     * @param period  ISO-8601 from the trigger, e.g. {@code P25Y}
     */
    public record RetentionRuleChanged(
            String recordClass,
            int version,
            String origin,
            String description,
            String trigger,
            String period,
            String action,
            String basis,
            String citation,
            List<String> consentPurposes,
            List<String> categories,
            boolean reviewOnLeaving,
            Integer untilPupilAge,
            boolean transferOnLeaving,
            Instant changedAt) {}

    /**
     * {@code holding-systems.changed}: the systems holding the school's records, by record class, as they now stand
     * (the whole map each time), about the school. Sent when a registration or a confirmed disposal changes which
     * system holds records of which class; what the record of processing (Art. 30) names as where the data is kept.
     *
     * @param version         one more each time the map changes (1 for the first)
     * @param systemsByClass  record class code → the systems holding records of it, sorted
     */
    public record HoldingSystemsChanged(long version, Map<String, List<String>> systemsByClass, Instant changedAt) {}
}
