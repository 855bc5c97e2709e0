package org.custodian.sar.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.custodian.sar.notice.NoticeUsed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a rectification, erasure, restriction or objection request.
 *
 * @param exemption        why it was refused or only partly approved (required then)
 * @param categories       the categories of data concerned (empty: all)
 * @param consentBasedOnly erasure: only what rests on consent, keeping what the law requires
 * @param processing       objection: the processing objected to
 * @param purposes         objection: the purposes to stop
 * @param description      rectification: what was corrected
 * @param rightToComplain  refused or partly approved: where to complain (the school's privacy notice, or the minimum)
 * @param privacyNotice    the version of the school's published privacy notice that sentence came from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RightsDecision(
        Outcome outcome,
        @Schema(nullable = true) Exemption exemption,
        @Schema(nullable = true) List<String> categories,
        String reason,
        @Schema(nullable = true) Boolean consentBasedOnly,
        @Schema(nullable = true) Processing processing,
        @Schema(nullable = true) List<String> purposes,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) LocalDate decidedOn,
        @Schema(nullable = true) String rightToComplain,

        @Schema(
                nullable = true,
                description = "the version of the school's published privacy notice the right to complain was"
                        + " taken from; null: none was available (the statutory minimum), or approved")
        NoticeUsed privacyNotice) {

    @Schema(name = "RightsDecisionOutcome")
    public enum Outcome {
        APPROVED,
        PARTLY_APPROVED,
        REFUSED
    }

    /** Grounds on which a right may be refused in whole or part (UK GDPR Arts. 16-21; legal-rules.md "Other rights"). */
    @Schema(name = "RightsExemption")
    public enum Exemption {
        LEGAL_OBLIGATION,
        PUBLIC_TASK,
        PUBLIC_HEALTH,
        ARCHIVING_OR_RESEARCH,
        LEGAL_CLAIMS,
        COMPELLING_LEGITIMATE_GROUNDS,
        DATA_ACCURATE,
        FREEDOM_OF_EXPRESSION
    }

    public enum Processing {
        PUBLIC_TASK,
        LEGITIMATE_INTERESTS,
        DIRECT_MARKETING,
        RESEARCH
    }

    public boolean upholdsTheRight() {
        return outcome != Outcome.REFUSED;
    }
}
