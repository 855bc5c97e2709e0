package org.custodian.sar.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.sar.deadline.Deadline;
import org.custodian.sar.notice.NoticeUsed;
import org.custodian.sar.request.RightsRequest.Channel;
import org.custodian.sar.request.RightsRequest.RequesterType;
import org.custodian.sar.request.RightsRequest.SubjectType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies (records with Bean Validation) and views of the requests API. */
public final class RequestDtos {

    private RequestDtos() {}

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}";

    // ---- creating a request ----

    public record SubjectInput(
            @NotNull SubjectType type,

            @NotBlank @Pattern(regexp = ID, message = "1 to 64 letters, digits or ._:@-")
            String id) {}

    public record RequesterInput(
            @NotNull RequesterType type,

            @NotBlank @Pattern(regexp = ID, message = "1 to 64 letters, digits or ._:@-")
            String id) {}

    /** That the child agreed to a parent's request, and how it was recorded. */
    public record ChildAgreementInput(
            @NotNull Boolean recorded,
            @NotBlank @Size(max = 1000) String how) {}

    /**
     * A new request. {@code requester} is taken from the token for parents and pupils; staff give it, with the
     * {@code channel} the request arrived by. {@code receivedOn} defaults to today and cannot be in the future.
     */
    public record CreateRequest(
            @NotNull RequestType type,
            @NotNull @Valid SubjectInput subject,
            @Valid RequesterInput requester,
            Channel channel,
            LocalDate receivedOn,
            @NotBlank @Size(max = 10000) String description,
            @Valid ChildAgreementInput childAgreement) {}

    // ---- steps ----

    public enum IdentityDecision {
        REQUIRED,
        CONFIRMED,
        NOT_REQUIRED
    }

    public record IdentityVerification(
            @NotNull IdentityDecision decision,
            LocalDate on,
            @Size(max = 2000) String note) {}

    /** A question put to the requester and its answer, as the API shows it. */
    @Schema(name = "Clarification")
    public record ClarificationView(
            LocalDate askedOn,
            String question,
            @Schema(nullable = true) LocalDate answeredOn,
            @Schema(nullable = true) String answer) {}

    public record ClarificationRequest(
            LocalDate askedOn, @NotBlank @Size(max = 5000) String question) {}

    public record ClarificationResponse(
            LocalDate answeredOn,
            @NotBlank @Size(max = 10000) String answer) {}

    public enum FeeGround {
        MANIFESTLY_UNFOUNDED,
        MANIFESTLY_EXCESSIVE,
        FURTHER_COPIES
    }

    public record FeeRequest(
            LocalDate requestedOn,

            @NotNull @DecimalMin(value = "0.01") @DecimalMax("1000.00") @Digits(integer = 4, fraction = 2)
            BigDecimal amount,

            @NotNull FeeGround ground,
            @NotBlank @Size(max = 5000) String explanation) {}

    public record FeePayment(
            LocalDate receivedOn, @Size(max = 2000) String note) {}

    public record Extension(
            @NotNull LocalDate toldOn,
            @NotBlank @Size(max = 5000) String reason) {}

    public record Acknowledgement(
            LocalDate acknowledgedOn, @Size(max = 2000) String note) {}

    @Schema(name = "RightsCompletionRequest")
    public record Completion(
            LocalDate completedOn,
            @NotBlank @Size(max = 10000) String summary) {}

    public enum RefusalGround {
        MANIFESTLY_UNFOUNDED,
        MANIFESTLY_EXCESSIVE
    }

    @Schema(name = "RefusalRequest")
    public record Refusal(
            LocalDate refusedOn,
            @NotNull RefusalGround ground,
            @NotBlank @Size(max = 10000) String explanation) {}

    @Schema(name = "WithdrawalRequest")
    public record Withdrawal(
            LocalDate withdrawnOn, @Size(max = 2000) String note) {}

    @Schema(name = "RightsDecisionRequest")
    public record Decision(
            LocalDate decidedOn,
            @NotNull RightsDecision.Outcome outcome,
            RightsDecision.Exemption exemption,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> categories,
            @NotBlank @Size(max = 10000) String reason,
            Boolean consentBasedOnly,
            RightsDecision.Processing processing,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> purposes,
            @Size(max = 10000) String description) {}

    @Schema(name = "RestrictionLiftRequest")
    public record RestrictionLift(
            LocalDate liftedOn, @NotBlank @Size(max = 5000) String reason) {}

    // ---- views ----

    public record SubjectView(SubjectType type, String id) {}

    public record RequesterView(RequesterType type, String id) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            extensions =
                    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(
                            name = "x-custodian-all-optional",
                            value = "every field is optional",
                            parseValue = false))
    public record ChildAgreementView(
            @Schema(nullable = true) Integer childAgeOnReceipt,
            @Schema(nullable = true) String how) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadlineView(
            String rule,
            String clock,
            @Schema(nullable = true) LocalDate startsOn,
            @Schema(nullable = true) LocalDate dueOn,
            @Schema(nullable = true) LocalDate firstMonthDueOn,
            boolean extended,
            long pausedDays,
            @Schema(nullable = true) LocalDate acknowledgeBy,
            @Schema(nullable = true) LocalDate acknowledgedOn,
            @Schema(nullable = true) Integer assumedSchoolDays,
            List<String> workings) {
        static DeadlineView of(Deadline d, LocalDate acknowledgedOn) {
            return new DeadlineView(
                    d.rule().name(),
                    d.clock().name(),
                    d.startsOn(),
                    d.dueOn(),
                    d.firstMonthDueOn(),
                    d.extended(),
                    d.pausedDays(),
                    d.acknowledgeBy(),
                    acknowledgedOn,
                    d.assumedSchoolDays() == 0 ? null : d.assumedSchoolDays(),
                    d.workings());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            extensions =
                    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(
                            name = "x-custodian-all-optional",
                            value = "every field is optional",
                            parseValue = false))
    public record IdentityView(
            @Schema(nullable = true) LocalDate requestedOn,
            @Schema(nullable = true) LocalDate confirmedOn,
            @Schema(nullable = true) String note) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            extensions =
                    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(
                            name = "x-custodian-all-optional",
                            value = "every field is optional",
                            parseValue = false))
    public record FeeView(
            @Schema(nullable = true) LocalDate requestedOn,
            @Schema(nullable = true) BigDecimal amount,
            @Schema(nullable = true) String ground,
            @Schema(nullable = true) String explanation,
            @Schema(nullable = true) LocalDate receivedOn,
            @Schema(nullable = true) String rightToComplain,

            @Schema(
                    nullable = true,
                    description = "the version of the school's published privacy notice the right to complain"
                            + " was taken from; null: none was available (the statutory minimum)")
            NoticeUsed privacyNotice) {}

    public record ExtensionView(
            LocalDate toldOn, @Schema(nullable = true) String reason) {}

    public record StepView(
            Instant at,
            String actor,
            @Schema(nullable = true) String actorRole,
            String action,
            @Schema(nullable = true) RequestStatus from,
            RequestStatus to,
            @Schema(nullable = true) LocalDate effectiveOn,
            @Schema(nullable = true) String note) {}

    /** A request with its recomputed deadline, what can happen next, and its history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequestView(
            UUID id,
            String schoolUrn,
            RequestType type,
            RequestStatus status,
            SubjectView subject,
            RequesterView requester,
            @Schema(nullable = true) String loggedBy,
            @Schema(nullable = true) String loggedByRole,
            Channel channel,
            LocalDate receivedOn,
            @Schema(nullable = true) String description,
            @Schema(nullable = true) ChildAgreementView childAgreement,
            @Schema(nullable = true) IdentityView identity,
            @Schema(nullable = true) FeeView fee,
            @Schema(nullable = true) List<ClarificationView> clarifications,
            @Schema(nullable = true) ExtensionView extension,
            DeadlineView deadline,
            @Schema(nullable = true) LocalDate closedOn,
            @Schema(nullable = true) Resolution.Refusal refusal,
            @Schema(nullable = true) RightsDecision decision,
            @Schema(nullable = true) Resolution.Completion completion,
            @Schema(nullable = true) Resolution.Withdrawal withdrawal,
            @Schema(nullable = true) Resolution.RestrictionLift restrictionLift,

            @Schema(
                    description = "the steps the caller can take now: for staff the sub-resources of the lifecycle"
                            + " (identity-verification, clarification-requests, extension, completion…);"
                            + " for the requester (a parent, or a pupil) only their own, named as in"
                            + " requesterSteps (withdrawal, clarification, identity, fee, bundle.pdf,"
                            + " bundle, complaint, ico)")
            List<String> nextSteps,

            @Schema(
                    nullable = true,
                    description = "the requester's view only: each step they can take, in words, with the call that"
                            + " performs it when the API does (absent for staff)")
            List<RequesterStepView> requesterSteps,

            List<StepView> history,
            long version) {}

    /** A step the requester can take on their own request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "RequesterStep",
            requiredProperties = {"step", "description"})
    public record RequesterStepView(
            @Schema(
                    description = "what the step is",
                    enumeration = {
                        "withdrawal",
                        "clarification",
                        "identity",
                        "fee",
                        "bundle.pdf",
                        "bundle",
                        "complaint",
                        "ico"
                    })
            String step,

            @Schema(description = "the step in words, for the requester")
            String description,

            @Schema(
                    description = "the HTTP method that performs it, when the API does",
                    enumeration = {"GET", "POST"})
            String method,

            @Schema(description = "the path that performs it, when the API does")
            String path) {}

    /** A request in a list: what the DPO's dashboard and a parent's status page show. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequestSummary(
            UUID id,
            RequestType type,
            RequestStatus status,
            SubjectView subject,
            RequesterView requester,
            LocalDate receivedOn,
            @Schema(nullable = true) LocalDate dueOn,
            @Schema(nullable = true) LocalDate acknowledgeBy,
            @Schema(nullable = true) LocalDate nextDeadline,
            @Schema(nullable = true) Long daysLeft,
            boolean overdue,
            @Schema(nullable = true) LocalDate closedOn) {}
}
