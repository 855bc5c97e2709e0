package org.custodian.sar.request;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps the requester (a parent, or a pupil for themselves) can take on their own request, as their view of it
 * shows them: withdraw it while it is open; answer the school's question, show who they are or pay a fee when the
 * school waits for them; download the response once it is complete; complain about the outcome. Staff steps (accept,
 * pause, extend, decide, review what the response says about other people…) are not the requester's and never
 * appear here.
 */
public final class RequesterStepRules {

    /** A step the requester can take; {@code method} and {@code path} only when the API performs it. */
    public record Step(String step, String description, String method, String path) {}

    private RequesterStepRules() {}

    /**
     * @param base the request's path ({@code /api/v1/schools/{urn}/requests/{id}})
     * @param question the school's unanswered question, when it waits for an answer
     * @param ico where to complain to the Information Commissioner's Office
     */
    public static List<Step> steps(
            RequestType type, RequestStatus status, String base, String question, String fee, String ico) {
        List<Step> steps = new ArrayList<>();
        switch (status) {
            case AWAITING_CLARIFICATION ->
                steps.add(new Step(
                        "clarification",
                        "Answer the school's question"
                                + (question == null ? "" : " (\"" + question + "\")")
                                + " by replying to the school: the time limit waits until the school has your answer.",
                        null,
                        null));
            case AWAITING_IDENTITY ->
                steps.add(new Step(
                        "identity",
                        "Show the school who you are, as it asked: the time limit starts once it has confirmed it.",
                        null,
                        null));
            case AWAITING_FEE ->
                steps.add(new Step(
                        "fee",
                        "Pay the fee the school asked for" + (fee == null ? "" : " (" + fee + ")")
                                + ", or tell the school you do not want to go on: the time limit waits until it is paid.",
                        null,
                        null));
            default -> {}
        }
        if (Lifecycle.allowed(type, status).contains(Action.WITHDRAW)) {
            steps.add(new Step(
                    "withdrawal", "Withdraw the request: the school stops work on it.", "POST", base + "/withdrawal"));
        }
        if (status == RequestStatus.COMPLETED && type.answeredWithBundle()) {
            steps.add(new Step("bundle.pdf", "Download the school's response as a PDF.", "GET", base + "/bundle.pdf"));
            steps.add(new Step(
                    "bundle",
                    "Download the school's response as data (JSON) you can take to another organisation.",
                    "GET",
                    base + "/bundle"));
        }
        if ((status == RequestStatus.COMPLETED || status == RequestStatus.REFUSED) && type != RequestType.COMPLAINT) {
            steps.add(new Step(
                    "complaint",
                    "Not satisfied with the answer? Complain to the school (a request of type COMPLAINT about the"
                            + " same child); you can also complain to the Information Commissioner's Office (" + ico
                            + ").",
                    "POST",
                    base.substring(0, base.lastIndexOf('/'))));
        } else if (status.isClosed() && status != RequestStatus.WITHDRAWN) {
            steps.add(new Step(
                    "ico",
                    "Not satisfied with how the school handled your complaint? Complain to the Information"
                            + " Commissioner's Office (" + ico + ").",
                    null,
                    null));
        }
        return List.copyOf(steps);
    }
}
