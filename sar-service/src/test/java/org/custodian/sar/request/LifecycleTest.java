package org.custodian.sar.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(textBlock = """
            ACCESS,             RECEIVED,               REQUEST_IDENTITY,      AWAITING_IDENTITY
            ACCESS,             RECEIVED,               CONFIRM_IDENTITY,      IN_PROGRESS
            ACCESS,             RECEIVED,               WAIVE_IDENTITY,        IN_PROGRESS
            ACCESS,             RECEIVED,               REQUEST_CLARIFICATION, AWAITING_CLARIFICATION
            ACCESS,             RECEIVED,               REQUEST_FEE,           AWAITING_FEE
            ACCESS,             RECEIVED,               REFUSE,                REFUSED
            ACCESS,             RECEIVED,               WITHDRAW,              WITHDRAWN
            ACCESS,             AWAITING_IDENTITY,      CONFIRM_IDENTITY,      IN_PROGRESS
            ACCESS,             AWAITING_IDENTITY,      WITHDRAW,              WITHDRAWN
            ACCESS,             AWAITING_FEE,           RECEIVE_FEE,           IN_PROGRESS
            ACCESS,             IN_PROGRESS,            REQUEST_CLARIFICATION, AWAITING_CLARIFICATION
            ACCESS,             AWAITING_CLARIFICATION, RECEIVE_CLARIFICATION, IN_PROGRESS
            ACCESS,             IN_PROGRESS,            EXTEND,                IN_PROGRESS
            ACCESS,             IN_PROGRESS,            COMPLETE,              COMPLETED
            ACCESS,             IN_PROGRESS,            REFUSE,                REFUSED
            ERASURE,            IN_PROGRESS,            DECIDE_APPROVED,       COMPLETED
            ERASURE,            IN_PROGRESS,            DECIDE_REFUSED,        REFUSED
            RESTRICTION,        COMPLETED,              LIFT_RESTRICTION,      COMPLETED
            COMPLAINT,          RECEIVED,               ACKNOWLEDGE,           IN_PROGRESS
            COMPLAINT,          AWAITING_CLARIFICATION, ACKNOWLEDGE,           AWAITING_CLARIFICATION
            COMPLAINT,          IN_PROGRESS,            COMPLETE,              COMPLETED
            EDUCATIONAL_RECORD, IN_PROGRESS,            COMPLETE,              COMPLETED
            """)
    void legalTransitions(RequestType type, RequestStatus from, Action action, RequestStatus to) {
        assertThat(Lifecycle.next(type, from, action)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} {1} {2} is refused: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ACCESS             | RECEIVED               | COMPLETE              | possible now
            ACCESS             | AWAITING_IDENTITY      | COMPLETE              | AWAITING_IDENTITY cannot take completion
            ACCESS             | AWAITING_CLARIFICATION | COMPLETE              | cannot take completion
            ACCESS             | AWAITING_CLARIFICATION | EXTEND                | cannot take extension
            ACCESS             | COMPLETED              | WITHDRAW              | it is closed
            ACCESS             | WITHDRAWN              | CONFIRM_IDENTITY      | it is closed
            ACCESS             | REFUSED                | COMPLETE              | it is closed
            ACCESS             | IN_PROGRESS            | REQUEST_IDENTITY      | cannot take identity-verification (REQUIRED)
            ACCESS             | IN_PROGRESS            | RECEIVE_CLARIFICATION | cannot take clarification-responses
            ACCESS             | IN_PROGRESS            | DECIDE_APPROVED       | a ACCESS request has no decision
            ACCESS             | IN_PROGRESS            | ACKNOWLEDGE           | only a complaint is acknowledged
            EDUCATIONAL_RECORD | IN_PROGRESS            | EXTEND                | cannot be extended
            COMPLAINT          | IN_PROGRESS            | EXTEND                | cannot be extended
            COMPLAINT          | IN_PROGRESS            | REFUSE                | a complaint is answered, not refused
            COMPLAINT          | RECEIVED               | REQUEST_FEE           | a complaint is free
            ERASURE            | IN_PROGRESS            | COMPLETE              | answered with a decision
            ACCESS             | COMPLETED              | LIFT_RESTRICTION      | only a restriction can be lifted
            RESTRICTION        | IN_PROGRESS            | LIFT_RESTRICTION      | cannot take restriction-lift
            """)
    void illegalTransitions(RequestType type, RequestStatus from, Action action, String why) {
        assertThatThrownBy(() -> Lifecycle.next(type, from, action))
                .isInstanceOf(Lifecycle.IllegalTransitionException.class)
                .hasMessageContaining(why);
    }

    @Test
    void aClosedRequestOffersNothingButLiftingAnApprovedRestriction() {
        for (RequestType type : RequestType.values()) {
            assertThat(Lifecycle.allowed(type, RequestStatus.REFUSED)).isEmpty();
            assertThat(Lifecycle.allowed(type, RequestStatus.WITHDRAWN)).isEmpty();
            assertThat(Lifecycle.allowed(type, RequestStatus.COMPLETED))
                    .isEqualTo(type == RequestType.RESTRICTION ? List.of(Action.LIFT_RESTRICTION) : List.of());
        }
    }

    @Property(tries = 500)
    void noSequenceOfActionsReopensAClosedRequest(
            @ForAll RequestType type, @ForAll @Size(max = 12) List<Action> actions) {
        RequestStatus status = RequestStatus.RECEIVED;
        boolean closed = false;
        for (Action action : actions) {
            if (Lifecycle.refusal(type, status, action).isPresent()) {
                continue;
            }
            status = Lifecycle.next(type, status, action);
            closed |= status.isClosed();
            assertThat(!closed || status.isClosed())
                    .as("%s after %s", status, action)
                    .isTrue();
        }
    }

    @Test
    void theChildAgreementRuleCountsCompletedYearsOnTheDayReceived() {
        LocalDate dob = LocalDate.parse("2013-03-15");
        assertThat(ChildAgreementRule.agreementNeeded(dob, LocalDate.parse("2026-03-14"), 13))
                .isEmpty();
        assertThat(ChildAgreementRule.agreementNeeded(dob, LocalDate.parse("2026-03-15"), 13))
                .get()
                .asString()
                .contains("was 13");
        assertThat(ChildAgreementRule.agreementNeeded(dob, LocalDate.parse("2026-03-15"), 14))
                .isEmpty();
        assertThat(ChildAgreementRule.agreementNeeded(null, LocalDate.parse("2026-03-15"), 13))
                .get()
                .asString()
                .contains("does not hold the child's date of birth");
        // born on 29 February: 13 on 1 March in a common year
        assertThat(ChildAgreementRule.agreementNeeded(LocalDate.parse("2012-02-29"), LocalDate.parse("2025-02-28"), 13))
                .isEmpty();
        assertThat(ChildAgreementRule.agreementNeeded(LocalDate.parse("2012-02-29"), LocalDate.parse("2025-03-01"), 13))
                .isPresent();
    }
}
