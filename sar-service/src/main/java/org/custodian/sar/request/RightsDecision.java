package org.custodian.sar.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to a rectification, erasure, restriction or objection request.
 *
 * @param exemption        why it was refused or only partly approved (required then)
 * @param categories       the categories of data concerned (empty: all)
 * @param consentBasedOnly erasure: only what rests on consent, keeping what the law requires
 * @param processing       objection: the processing objected to
 * @param purposes         objection: the purposes to stop
 * @param description      rectification: what was corrected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RightsDecision(
        Outcome outcome,
        Exemption exemption,
        List<String> categories,
        String reason,
        Boolean consentBasedOnly,
        Processing processing,
        List<String> purposes,
        String description,
        LocalDate decidedOn,
        String rightToComplain) {

    public enum Outcome {
        APPROVED,
        PARTLY_APPROVED,
        REFUSED
    }

    /** Grounds on which a right may be refused in whole or part (UK GDPR Arts. 16-21; legal-rules.md "Other rights"). */
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
