package org.custodian.consent.decision;

import java.time.Instant;

/**
 * The event consent-service emits on {@code custodian.consent.v1} when an objection or a withdrawal stops the
 * processing of a child's biometric data: the template must be deleted from the system that holds it (Protection of
 * Freedoms Act 2012, s.26(3) and (5); explanatory notes para 145: "any personal data held … for the purposes of a
 * biometric identification system must be destroyed"). A consumer that knows the catering supplier (sharing-service)
 * turns it into a partner action. The type is not yet in the kernel's {@code EventTypes} (a kernel change this
 * service's part of issue 24 could not make): it is appended to the consent topic by name.
 */
public final class BiometricEvents {

    private BiometricEvents() {}

    public static final String TEMPLATE_DELETION_REQUESTED = "uk.custodian.biometric.template-deletion-requested";

    /**
     * {@code reason}: {@code PARENT_OBJECTED}, {@code PARENT_WITHDREW}, {@code PUPIL_OBJECTED} or
     * {@code PUPIL_WITHDREW}; {@code effectiveStatus} is the pupil's status after the decision.
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
