package org.custodian.sar.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples: what the requester may do, for every status, and never a staff step. */
class RequesterStepRulesTest {

    private static final String BASE = "/api/v1/schools/100001/requests/r1";

    private static List<String> steps(RequestType type, RequestStatus status) {
        return RequesterStepRules.steps(
                        type, status, BASE, "Which years?", "£10.00", "https://ico.org.uk/make-a-complaint/")
                .stream()
                .map(RequesterStepRules.Step::step)
                .toList();
    }

    @Test
    void theRequesterWithdrawsWhileOpenAndAnswersWhatTheSchoolWaitsFor() {
        assertThat(steps(RequestType.ACCESS, RequestStatus.RECEIVED)).containsExactly("withdrawal");
        assertThat(steps(RequestType.ACCESS, RequestStatus.IN_PROGRESS)).containsExactly("withdrawal");
        assertThat(steps(RequestType.ACCESS, RequestStatus.AWAITING_CLARIFICATION))
                .containsExactly("clarification", "withdrawal");
        assertThat(steps(RequestType.ACCESS, RequestStatus.AWAITING_IDENTITY))
                .containsExactly("identity", "withdrawal");
        assertThat(steps(RequestType.ACCESS, RequestStatus.AWAITING_FEE)).containsExactly("fee", "withdrawal");
        assertThat(RequesterStepRules.steps(RequestType.ACCESS, RequestStatus.AWAITING_FEE, BASE, null, "£10.00", "ico")
                        .get(0)
                        .description())
                .contains("£10.00");
    }

    @Test
    void onceAnsweredTheRequesterDownloadsOrComplains() {
        assertThat(steps(RequestType.ACCESS, RequestStatus.COMPLETED))
                .containsExactly("bundle.pdf", "bundle", "complaint");
        assertThat(steps(RequestType.ERASURE, RequestStatus.COMPLETED)).containsExactly("complaint");
        assertThat(steps(RequestType.ACCESS, RequestStatus.REFUSED)).containsExactly("complaint");
        assertThat(steps(RequestType.COMPLAINT, RequestStatus.COMPLETED)).containsExactly("ico");
        assertThat(steps(RequestType.ACCESS, RequestStatus.WITHDRAWN)).isEmpty();
        RequesterStepRules.Step complaint = RequesterStepRules.steps(
                        RequestType.ACCESS, RequestStatus.REFUSED, BASE, null, null, "https://ico.org.uk/x")
                .get(0);
        assertThat(complaint.method()).isEqualTo("POST");
        assertThat(complaint.path()).isEqualTo("/api/v1/schools/100001/requests");
        assertThat(complaint.description()).contains("https://ico.org.uk/x");
    }

    @Test
    void noStatusOffersTheRequesterAStaffStep() {
        List<String> staffOnly = java.util.Arrays.stream(Action.values())
                .filter(a -> a != Action.WITHDRAW)
                .map(Action::resource)
                .toList();
        for (RequestType type : RequestType.values()) {
            for (RequestStatus status : RequestStatus.values()) {
                assertThat(steps(type, status)).doesNotContainAnyElementsOf(staffOnly);
            }
        }
    }
}
