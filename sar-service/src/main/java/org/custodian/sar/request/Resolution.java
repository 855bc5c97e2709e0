package org.custodian.sar.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a request was (or is being) answered: the parts that exist so far. Stored as JSON with the request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resolution(
        Fee fee,
        Refusal refusal,
        RightsDecision decision,
        Completion completion,
        Withdrawal withdrawal,
        RestrictionLift restrictionLift,
        String identityNote) {

    public static final Resolution NONE = new Resolution(null, null, null, null, null, null, null);

    /** A fee for a manifestly unfounded or excessive request (or further copies), with the requester's right to complain. */
    public record Fee(BigDecimal amount, String ground, String explanation, String rightToComplain) {}

    @Schema(name = "Refusal")
    public record Refusal(
            String ground,
            String explanation,
            LocalDate refusedOn,
            @Schema(nullable = true) String rightToComplain) {}

    @Schema(name = "Completion")
    public record Completion(
            String summary,
            LocalDate completedOn,
            @Schema(nullable = true) String rightToComplain) {}

    @Schema(name = "Withdrawal")
    public record Withdrawal(
            @Schema(nullable = true) String note,
            LocalDate withdrawnOn,
            @Schema(nullable = true) String by) {}

    @Schema(name = "RestrictionLift")
    public record RestrictionLift(String reason, LocalDate liftedOn) {}

    public Resolution withFee(Fee value) {
        return new Resolution(value, refusal, decision, completion, withdrawal, restrictionLift, identityNote);
    }

    public Resolution withRefusal(Refusal value) {
        return new Resolution(fee, value, decision, completion, withdrawal, restrictionLift, identityNote);
    }

    public Resolution withDecision(RightsDecision value) {
        return new Resolution(fee, refusal, value, completion, withdrawal, restrictionLift, identityNote);
    }

    public Resolution withCompletion(Completion value) {
        return new Resolution(fee, refusal, decision, value, withdrawal, restrictionLift, identityNote);
    }

    public Resolution withWithdrawal(Withdrawal value) {
        return new Resolution(fee, refusal, decision, completion, value, restrictionLift, identityNote);
    }

    public Resolution withRestrictionLift(RestrictionLift value) {
        return new Resolution(fee, refusal, decision, completion, withdrawal, value, identityNote);
    }

    public Resolution withIdentityNote(String value) {
        return new Resolution(fee, refusal, decision, completion, withdrawal, restrictionLift, value);
    }
}
