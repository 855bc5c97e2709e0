package org.custodian.sar.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.custodian.sar.notice.Ico;
import org.custodian.sar.notice.NoticeUsed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a request was (or is being) answered: the parts that exist so far, and where the requester may complain to the
 * ICO as the last answer told them ({@code ico}: from the school's published privacy notice, or the statutory minimum).
 * Stored as JSON with the request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resolution(
        Fee fee,
        Refusal refusal,
        RightsDecision decision,
        Completion completion,
        Withdrawal withdrawal,
        RestrictionLift restrictionLift,
        String identityNote,
        Ico ico) {

    public static final Resolution NONE = new Resolution(null, null, null, null, null, null, null, null);

    /**
     * A fee for a manifestly unfounded or excessive request (or further copies), with the requester's right to complain
     * and the version of the school's privacy notice it was taken from (null: the statutory minimum).
     */
    public record Fee(
            BigDecimal amount, String ground, String explanation, String rightToComplain, NoticeUsed privacyNotice) {}

    @Schema(name = "Refusal")
    public record Refusal(
            String ground,
            String explanation,
            LocalDate refusedOn,
            @Schema(nullable = true) String rightToComplain,

            @Schema(
                    nullable = true,
                    description = "the version of the school's published privacy notice the right to complain"
                            + " was taken from; null: none was available (the statutory minimum)")
            NoticeUsed privacyNotice) {}

    @Schema(name = "Completion")
    public record Completion(
            String summary,
            LocalDate completedOn,
            @Schema(nullable = true) String rightToComplain,

            @Schema(
                    nullable = true,
                    description = "a complaint's answer: the version of the school's published privacy notice"
                            + " the right to complain was taken from; null: none was available (the statutory"
                            + " minimum), or not a complaint")
            NoticeUsed privacyNotice) {}

    @Schema(name = "Withdrawal")
    public record Withdrawal(
            @Schema(nullable = true) String note,
            LocalDate withdrawnOn,
            @Schema(nullable = true) String by) {}

    @Schema(name = "RestrictionLift")
    public record RestrictionLift(String reason, LocalDate liftedOn) {}

    public Resolution withFee(Fee value) {
        return new Resolution(value, refusal, decision, completion, withdrawal, restrictionLift, identityNote, ico);
    }

    public Resolution withRefusal(Refusal value) {
        return new Resolution(fee, value, decision, completion, withdrawal, restrictionLift, identityNote, ico);
    }

    public Resolution withDecision(RightsDecision value) {
        return new Resolution(fee, refusal, value, completion, withdrawal, restrictionLift, identityNote, ico);
    }

    public Resolution withCompletion(Completion value) {
        return new Resolution(fee, refusal, decision, value, withdrawal, restrictionLift, identityNote, ico);
    }

    public Resolution withWithdrawal(Withdrawal value) {
        return new Resolution(fee, refusal, decision, completion, value, restrictionLift, identityNote, ico);
    }

    public Resolution withRestrictionLift(RestrictionLift value) {
        return new Resolution(fee, refusal, decision, completion, withdrawal, value, identityNote, ico);
    }

    /** The ICO's contact details as the last answer (a fee, refusal, decision or completion) gave them. */
    public Resolution withIco(Ico value) {
        return new Resolution(fee, refusal, decision, completion, withdrawal, restrictionLift, identityNote, value);
    }

    public Resolution withIdentityNote(String value) {
        return new Resolution(fee, refusal, decision, completion, withdrawal, restrictionLift, value, ico);
    }
}
