package org.custodian.platform.events;

import java.time.LocalDate;
import java.util.List;

/** The {@code data} of the events on {@code custodian.rights.v1}, produced by sar-service. */
public final class RightsEvents {

    private RightsEvents() {}

    /** {@code request.received}: a rights request or complaint was logged; {@code pupilId} is null for a guardian's own. */
    public record RequestReceived(
            String requestId, String type, String pupilId, String guardianId, LocalDate receivedOn, LocalDate dueOn) {}

    /** {@code request.completed}: {@code outcome} is {@code COMPLETED}, {@code REFUSED} or {@code WITHDRAWN}. */
    public record RequestCompleted(
            String requestId, String type, String pupilId, LocalDate completedOn, String outcome) {}

    /**
     * {@code erasure.approved}: erase the pupil's data in the given categories (all when empty); with
     * {@code consentBasedOnly}, only what rests on consent, keeping what the law requires.
     */
    public record ErasureApproved(
            String requestId, String pupilId, boolean consentBasedOnly, List<String> categories, String reason) {}

    /** {@code rectification.approved}: the named categories were inaccurate and have been corrected. */
    public record RectificationApproved(
            String requestId, String pupilId, List<String> categories, String description) {}

    /** {@code processing.restricted} and {@code processing.unrestricted}: categories empty means all processing. */
    public record RestrictionChanged(String requestId, String pupilId, List<String> categories, String reason) {}

    /** {@code objection.upheld}: stop the named processing ({@code PUBLIC_TASK}, {@code DIRECT_MARKETING}, ...). */
    public record ObjectionUpheld(
            String requestId, String pupilId, String processing, List<String> purposes, String reason) {}

    /** {@code complaint.received}: must be acknowledged by {@code acknowledgeBy} (DPA 2018 s.164A). */
    public record ComplaintReceived(String requestId, String pupilId, LocalDate receivedOn, LocalDate acknowledgeBy) {}

    /**
     * {@code request.due-soon}: an open request's deadline ({@code RESPONSE}, or a complaint's {@code ACKNOWLEDGEMENT})
     * is near.
     */
    public record DueSoon(
            String requestId,
            String type,
            String pupilId,
            String guardianId,
            String deadline,
            LocalDate dueOn,
            long daysLeft) {}

    /** {@code request.overdue}: an open request's deadline has passed. */
    public record Overdue(
            String requestId,
            String type,
            String pupilId,
            String guardianId,
            String deadline,
            LocalDate dueOn,
            long daysOverdue) {}
}
