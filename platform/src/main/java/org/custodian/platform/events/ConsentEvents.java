package org.custodian.platform.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code data} of the events on {@code custodian.consent.v1}, produced by consent-service. Every per-pupil event
 * carries the pupil's resulting <em>effective</em> status for the purpose, so that a consumer's projection needs no
 * resolution logic of its own: {@code GRANTED}, {@code REFUSED}, {@code WITHDRAWN}, {@code EXPIRED},
 * {@code RENEWAL_NEEDED}, {@code NOT_ASKED} or, for a biometric purpose, {@code NOTIFICATION_NEEDED}.
 */
public final class ConsentEvents {

    private ConsentEvents() {}

    /**
     * {@code consent.granted}, {@code consent.refused}, {@code consent.withdrawn}: one decision was recorded.
     *
     * @param givenByType      {@code GUARDIAN} or {@code PUPIL}
     * @param purposeKind      {@code STANDARD} or {@code BIOMETRIC}
     * @param effectiveVersion the purpose version the effective status rests on (null when nothing counts)
     */
    public record DecisionRecorded(
            String decisionId,
            String pupilId,
            String purpose,
            int purposeVersion,
            String purposeKind,
            String decision,
            String givenByType,
            String givenById,
            String method,
            Instant recordedAt,
            String effectiveStatus,
            Integer effectiveVersion) {}

    /** {@code consent.expired}: a pupil's consent for a purpose passed its validity. */
    public record Expired(
            String pupilId, String purpose, int purposeVersion, LocalDate validUntil, String effectiveStatus) {}

    /**
     * {@code purpose.created}: a school's purpose was defined, by the school or among the defaults every new school
     * starts with. A purpose is the school's, not a person's: its title and wording are what parents are asked.
     *
     * @param kind           {@code STANDARD} or {@code BIOMETRIC}
     * @param dataCategories the categories of data the purpose uses, e.g. {@code PHOTOGRAPHS}
     * @param validity       {@code ACADEMIC_YEAR}, an ISO-8601 period, or null for no expiry
     * @param version        1
     */
    public record PurposeDefined(
            String purpose,
            int version,
            String title,
            String wording,
            String kind,
            List<String> dataCategories,
            String validity,
            Instant definedAt) {}

    /**
     * {@code purpose.reworded}: a purpose has a new wording ({@code title}, {@code wording}: the new version's). With
     * {@code requiresReconsent}, every consent resting on an older version no longer counts: consumers turn such
     * {@code GRANTED} statuses into {@code RENEWAL_NEEDED}.
     */
    public record Reworded(
            String purpose,
            int version,
            boolean requiresReconsent,
            String kind,
            String title,
            String wording,
            Instant rewordedAt) {}

    /**
     * {@code biometric.template-deletion-requested}: an objection or a withdrawal stopped the processing of a child's
     * biometric data, so the template must be deleted from the system that holds it (Protection of Freedoms Act 2012,
     * s.26(3) and (5); explanatory notes para 145). {@code reason}: {@code PARENT_OBJECTED}, {@code PARENT_WITHDREW},
     * {@code PUPIL_OBJECTED} or {@code PUPIL_WITHDREW}; {@code effectiveStatus} is the pupil's status after the
     * decision.
     */
    public record TemplateDeletionRequested(
            String taskId,
            String pupilId,
            String purpose,
            String decisionId,
            String reason,
            Instant raisedAt,
            String effectiveStatus) {}
}
