package org.custodian.sar.request;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custodian.sar.deadline.Deadline;
import org.custodian.sar.deadline.Deadlines;
import org.custodian.sar.notice.StatutoryMinimum;
import org.custodian.sar.request.RequestDtos.RequestSummary;
import org.custodian.sar.request.RequestDtos.RequestView;

/** Turns a request into what the API shows. */
public final class RequestViews {

    private RequestViews() {}

    /** The request as staff see it: every next step of the lifecycle. */
    public static RequestView view(RightsRequest r, Deadlines deadlines) {
        return view(r, deadlines, false);
    }

    /**
     * The request as staff or (with {@code forRequester}) the parent or pupil who made it see it: the requester's next
     * steps are only their own ({@link RequesterStepRules}).
     */
    public static RequestView view(RightsRequest r, Deadlines deadlines, boolean forRequester) {
        List<RequesterStepRules.Step> own = forRequester ? requesterSteps(r) : null;
        Deadline deadline = r.deadline(deadlines);
        Resolution res = r.resolution();
        return new RequestView(
                r.id(),
                r.schoolUrn(),
                r.type(),
                r.status(),
                new RequestDtos.SubjectView(r.subject().type(), r.subject().id()),
                new RequestDtos.RequesterView(
                        r.requester().type(), r.requester().id()),
                r.loggedBy(),
                r.loggedByRole(),
                r.channel(),
                r.receivedOn(),
                r.description(),
                r.childAgeOnReceipt() == null && r.childAgreementNote() == null
                        ? null
                        : new RequestDtos.ChildAgreementView(r.childAgeOnReceipt(), r.childAgreementNote()),
                r.identityRequestedOn() == null && r.identityConfirmedOn() == null && res.identityNote() == null
                        ? null
                        : new RequestDtos.IdentityView(
                                r.identityRequestedOn(), r.identityConfirmedOn(), res.identityNote()),
                res.fee() == null
                        ? null
                        : new RequestDtos.FeeView(
                                r.feeRequestedOn(),
                                res.fee().amount(),
                                res.fee().ground(),
                                res.fee().explanation(),
                                r.feeReceivedOn(),
                                res.fee().rightToComplain(),
                                res.fee().privacyNotice()),
                r.clarifications().isEmpty()
                        ? null
                        : r.clarifications().stream()
                                .map(c -> new RequestDtos.ClarificationView(
                                        c.askedOn(), c.question(), c.answeredOn(), c.answer()))
                                .toList(),
                r.extensionToldOn() == null
                        ? null
                        : new RequestDtos.ExtensionView(r.extensionToldOn(), r.extensionReason()),
                RequestDtos.DeadlineView.of(deadline, r.acknowledgedOn()),
                r.closedOn(),
                res.refusal(),
                res.decision(),
                res.completion(),
                res.withdrawal(),
                res.restrictionLift(),
                forRequester
                        ? own.stream().map(RequesterStepRules.Step::step).toList()
                        : Lifecycle.allowed(r.type(), r.status()).stream()
                                .map(Action::resource)
                                .toList(),
                forRequester
                        ? own.stream()
                                .map(s -> new RequestDtos.RequesterStepView(
                                        s.step(), s.description(), s.method(), s.path()))
                                .toList()
                        : null,
                r.steps().stream()
                        .map(s -> new RequestDtos.StepView(
                                s.occurredAt(),
                                s.actor(),
                                s.actorRole(),
                                s.action(),
                                s.from(),
                                s.to(),
                                s.effectiveOn(),
                                s.note()))
                        .toList(),
                r.version());
    }

    private static List<RequesterStepRules.Step> requesterSteps(RightsRequest r) {
        Resolution.Fee fee = r.resolution().fee();
        return RequesterStepRules.steps(
                r.type(),
                r.status(),
                "/api/v1/schools/" + r.schoolUrn() + "/requests/" + r.id(),
                r.openClarification().map(RightsRequest.Clarification::question).orElse(null),
                fee == null ? null : "£" + fee.amount().toPlainString(),
                // as the answer told the requester: the school's published notice then, or the statutory minimum
                (r.resolution().ico() == null
                                ? StatutoryMinimum.ICO
                                : r.resolution().ico())
                        .online());
    }

    public static RequestSummary summary(RightsRequest r, LocalDate today) {
        Long daysLeft = r.nextDeadline() == null ? null : ChronoUnit.DAYS.between(today, r.nextDeadline());
        return new RequestSummary(
                r.id(),
                r.type(),
                r.status(),
                new RequestDtos.SubjectView(r.subject().type(), r.subject().id()),
                new RequestDtos.RequesterView(
                        r.requester().type(), r.requester().id()),
                r.receivedOn(),
                r.dueOn(),
                r.acknowledgeBy(),
                r.nextDeadline(),
                daysLeft,
                daysLeft != null && daysLeft < 0,
                r.closedOn());
    }
}
