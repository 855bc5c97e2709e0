package org.custodian.consent.changes;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the MIS changes feed. */
@Schema(name = "RosterChange", description = "Something that changed in the suite since the cursor, oldest first")
public record ChangeView(
        @Schema(required = true, description = "The entry's id: the same each time the entry is read")
        String id,

        @Schema(required = true) ChangeKind kind,

        @Schema(required = true, description = "When the change was made")
        Instant at,

        @Schema(required = true, description = "The role of whoever made it (parent, pupil, dpo, school-admin, mis)")
        String byRole,

        @Schema(description = "The pupil it is about (a decision, a pupil)")
        String pupilId,

        @Schema(description = "The guardian it is about (a guardian; a decision a guardian gave)")
        String guardianId,

        @Schema(description = "CONSENT_DECISION: the purpose's code")
        String purpose,

        @Schema(
                description = "CONSENT_DECISION: what was decided",
                enumeration = {"GRANTED", "REFUSED", "WITHDRAWN"})
        String decision,

        @Schema(description = "CONSENT_DECISION: the decision's id (its receipt is under the pupil's consents)")
        String decisionId,

        @Schema(
                description = "CONSENT_DECISION: who decided",
                enumeration = {"GUARDIAN", "PUPIL"})
        String givenBy,

        @Schema(
                description = "CONSENT_DECISION: the pupil's effective status for the purpose after it, which"
                        + " is what the MIS should hold",
                enumeration = {
                    "GRANTED",
                    "REFUSED",
                    "WITHDRAWN",
                    "EXPIRED",
                    "RENEWAL_NEEDED",
                    "NOT_ASKED",
                    "NOTIFICATION_NEEDED"
                })
        String status,

        @Schema(
                description = "PUPIL, GUARDIAN: what the change did",
                enumeration = {"CREATED", "UPDATED", "MARKED_LEFT", "UNLINKED"})
        String outcome,

        @Schema(required = true, description = "PUPIL, GUARDIAN: the fields that changed; empty otherwise")
        List<String> changedFields) {}
