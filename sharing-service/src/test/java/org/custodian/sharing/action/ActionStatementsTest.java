package org.custodian.sharing.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.sharing.action.ActionRules.Acknowledgement;
import org.custodian.sharing.action.ActionRules.Closure;
import org.custodian.sharing.action.ActionRules.Completion;
import org.custodian.sharing.action.ActionRules.Dispute;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.actionkind.CompletionOutcome;
import org.junit.jupiter.api.Test;

/** Worked examples of the sentences the subject access bundle gives for each partner action. */
class ActionStatementsTest {

    static final Instant TOLD = Instant.parse("2026-11-28T14:00:00Z");
    static final LocalDate DUE = LocalDate.of(2026, 12, 29);

    static PartnerAction action(
            ActionStatus status, Instant ackAt, Completion completion, Dispute dispute, Closure closure) {
        Instant at = Instant.parse("2026-12-02T09:00:00Z");
        PartnerAction a = PartnerAction.open(
                "100001",
                new PartnerAction.Opening(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "P-1",
                        ActionKind.ERASE,
                        "erasure.requested",
                        "e-1",
                        "R-42",
                        "msg_1",
                        List.of("IDENTITY"),
                        List.of(),
                        DUE),
                TOLD);
        if (ackAt != null) {
            a.acknowledge(ActionStatus.ACKNOWLEDGED, new Acknowledgement(null), ackAt);
        }
        if (status == ActionStatus.OVERDUE) {
            a.becomeOverdue(at);
        }
        if (completion != null) {
            a.complete(completion, at);
        }
        if (dispute != null) {
            a.dispute(dispute, at);
        }
        if (closure != null) {
            a.close("dpo-1", closure, at);
        }
        assertThat(a.status()).isEqualTo(status);
        return a;
    }

    @Test
    void aConfirmedDeletion() {
        Completion done =
                new Completion(Instant.parse("2026-12-01T10:30:00Z"), CompletionOutcome.DELETED, 14, "PRIV-2291", null);
        assertThat(ActionStatements.describe(
                        action(ActionStatus.COMPLETED, Instant.parse("2026-11-29T08:00:00Z"), done, null, null), DUE))
                .isEqualTo(
                        "Told on 28 November 2026 to erase the pupil's data (due by 29 December 2026); acknowledged on "
                                + "29 November 2026; confirmed deleted on 1 December 2026 (14 records, reference PRIV-2291).");
    }

    @Test
    void aDisputeAClosureAndAWait() {
        assertThat(ActionStatements.describe(
                        action(ActionStatus.DISPUTED, null, null, new Dispute("We must keep exam entries", null), null),
                        DUE))
                .endsWith("; disputed on 2 December 2026: We must keep exam entries.");
        assertThat(ActionStatements.describe(
                        action(ActionStatus.CLOSED, null, null, null, new Closure("Confirmed by phone")), DUE))
                .endsWith("; closed by the school on 2 December 2026: Confirmed by phone.");
        assertThat(ActionStatements.describe(action(ActionStatus.OPEN, null, null, null, null), DUE))
                .endsWith("; not yet confirmed.");
        assertThat(ActionStatements.describe(action(ActionStatus.OVERDUE, null, null, null, null), DUE.plusDays(3)))
                .endsWith("; not yet confirmed, overdue since 30 December 2026.");
    }

    @Test
    void oneRecordIsSingularAndLondonTimeDecidesTheDay() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST)
        Completion done =
                new Completion(Instant.parse("2026-06-30T23:30:00Z"), CompletionOutcome.ANONYMISED, 1, "X", null);
        assertThat(ActionStatements.describe(action(ActionStatus.COMPLETED, null, done, null, null), DUE))
                .contains("confirmed anonymised on 1 July 2026 (1 record, reference X)");
    }
}
