package org.custodian.sharing.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.sharing.action.ActionRules.Acknowledgement;
import org.custodian.sharing.action.ActionRules.Closure;
import org.custodian.sharing.action.ActionRules.Completion;
import org.custodian.sharing.action.ActionRules.Dispute;
import org.custodian.sharing.action.ActionRules.State;
import org.custodian.sharing.action.ActionRules.Verdict;
import org.custodian.sharing.action.ActionRules.Verdict.Effect;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.actionkind.CompletionOutcome;
import org.junit.jupiter.api.Test;

/** Worked examples of the answers to a partner action, and properties over random sequences of answers. */
class ActionRulesTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Completion DELETED =
            new Completion(NOW.minusSeconds(3600), CompletionOutcome.DELETED, 12, "TKT-1", null);
    static final Acknowledgement ACK = new Acknowledgement("on it");
    static final Dispute LEGAL = new Dispute("We must keep exam entries for 6 years", "Awarding body regulations");
    static final Closure BY_PHONE = new Closure("Confirmed by phone with their DPO");

    @Test
    void anOpenActionIsAcknowledgedThenCompleted() {
        State s = State.opened(ActionKind.ERASE);
        Verdict ack = ActionRules.acknowledge(s, ACK);
        assertThat(ack.effect()).isEqualTo(Effect.APPLY);
        assertThat(ack.next()).isEqualTo(ActionStatus.ACKNOWLEDGED);
        s = new State(s.kind(), ack.next(), ACK, null, null, null);
        Verdict done = ActionRules.complete(s, DELETED);
        assertThat(done.effect()).isEqualTo(Effect.APPLY);
        assertThat(done.next()).isEqualTo(ActionStatus.COMPLETED);
    }

    @Test
    void aCompletionWithoutATimeTakesTheRecordedOnesThenNow() {
        Instant given = NOW.minusSeconds(60);
        State open = State.opened(ActionKind.ERASE);
        State completed = new State(ActionKind.ERASE, ActionStatus.COMPLETED, null, DELETED, null, null);
        assertThat(ActionRules.performedAt(open, given, NOW)).isEqualTo(given);
        assertThat(ActionRules.performedAt(completed, given, NOW)).isEqualTo(given);
        assertThat(ActionRules.performedAt(completed, null, NOW)).isEqualTo(DELETED.performedAt());
        assertThat(ActionRules.performedAt(open, null, NOW)).isEqualTo(NOW);
    }

    @Test
    void completionBeforeAcknowledgementIsAllowed() {
        assertThat(ActionRules.complete(State.opened(ActionKind.ERASE), DELETED).next())
                .isEqualTo(ActionStatus.COMPLETED);
    }

    @Test
    void theSameAnswerAgainIsAReplayAndAnotherIsAConflict() {
        State completed = new State(ActionKind.ERASE, ActionStatus.COMPLETED, null, DELETED, null, null);
        assertThat(ActionRules.complete(completed, DELETED).effect()).isEqualTo(Effect.REPLAY);
        Completion other = new Completion(DELETED.performedAt(), CompletionOutcome.ANONYMISED, 12, "TKT-1", null);
        Verdict conflict = ActionRules.complete(completed, other);
        assertThat(conflict.effect()).isEqualTo(Effect.CONFLICT);
        assertThat(conflict.detail()).contains("already completed");
    }

    @Test
    void aFinishedActionTakesNoOtherAnswer() {
        State completed = new State(ActionKind.ERASE, ActionStatus.COMPLETED, null, DELETED, null, null);
        assertThat(ActionRules.dispute(completed, LEGAL).effect()).isEqualTo(Effect.CONFLICT);
        assertThat(ActionRules.acknowledge(completed, ACK).effect()).isEqualTo(Effect.CONFLICT);
        assertThat(ActionRules.close(completed, BY_PHONE).detail()).contains("COMPLETED");
        State disputed = new State(ActionKind.ERASE, ActionStatus.DISPUTED, null, null, LEGAL, null);
        assertThat(ActionRules.complete(disputed, DELETED).effect()).isEqualTo(Effect.CONFLICT);
        State closed = new State(ActionKind.ERASE, ActionStatus.CLOSED, null, null, null, BY_PHONE);
        assertThat(ActionRules.complete(closed, DELETED).effect()).isEqualTo(Effect.CONFLICT);
    }

    @Test
    void theDpoClosesAWaitingOrDisputedAction() {
        assertThat(ActionRules.close(State.opened(ActionKind.RESTRICT), BY_PHONE)
                        .next())
                .isEqualTo(ActionStatus.CLOSED);
        State disputed = new State(ActionKind.ERASE, ActionStatus.DISPUTED, null, null, LEGAL, null);
        assertThat(ActionRules.close(disputed, BY_PHONE).next()).isEqualTo(ActionStatus.CLOSED);
    }

    @Test
    void acknowledgingAnOverdueActionLeavesItOverdue() {
        State overdue = new State(ActionKind.STOP_USING, ActionStatus.OVERDUE, null, null, null, null);
        assertThat(ActionRules.acknowledge(overdue, ACK).next()).isEqualTo(ActionStatus.OVERDUE);
        assertThat(ActionRules.complete(overdue, DELETED).next()).isEqualTo(ActionStatus.COMPLETED);
    }

    @Test
    void anActionBecomesOverdueTheDayAfterItsLastDay() {
        LocalDate due = LocalDate.of(2026, 11, 30);
        assertThat(ActionRules.becomesOverdue(ActionStatus.OPEN, due, due)).isFalse();
        assertThat(ActionRules.becomesOverdue(ActionStatus.OPEN, due, due.plusDays(1)))
                .isTrue();
        assertThat(ActionRules.becomesOverdue(ActionStatus.ACKNOWLEDGED, due, due.plusDays(1)))
                .isTrue();
        assertThat(ActionRules.becomesOverdue(ActionStatus.COMPLETED, due, due.plusDays(9)))
                .isFalse();
        assertThat(ActionRules.becomesOverdue(ActionStatus.OVERDUE, due, due.plusDays(9)))
                .as("already marked")
                .isFalse();
    }

    @Test
    void theOutcomeMustFitTheKindAndTheTimeMustNotBeInTheFuture() {
        assertThat(ActionRules.check(ActionKind.ERASE, DELETED, NOW)).isEmpty();
        assertThat(ActionRules.check(
                        ActionKind.RECTIFY, new Completion(NOW, CompletionOutcome.CORRECTED, 1, "R", null), NOW))
                .isEmpty();
        assertThat(ActionRules.check(
                        ActionKind.ERASE, new Completion(NOW, CompletionOutcome.CORRECTED, 1, "R", null), NOW))
                .extracting(ActionRules.Violation::field)
                .containsExactly("outcome");
        assertThat(ActionRules.check(
                        ActionKind.RESTRICT, new Completion(NOW, CompletionOutcome.DELETED, 1, "R", null), NOW))
                .extracting(ActionRules.Violation::field)
                .containsExactly("outcome");
        assertThat(ActionRules.check(
                        ActionKind.ERASE,
                        new Completion(NOW.plusSeconds(301), CompletionOutcome.DELETED, -1, "R", null),
                        NOW))
                .extracting(ActionRules.Violation::field)
                .containsExactly("performedAt", "recordCount");
        assertThat(ActionRules.check(
                        ActionKind.ERASE,
                        new Completion(NOW.plusSeconds(299), CompletionOutcome.DELETED, 0, "R", null),
                        NOW))
                .as("within the clock skew")
                .isEmpty();
        assertThat(ActionRules.check(
                        ActionKind.ERASE,
                        new Completion(Instant.parse("1999-12-31T23:59:59Z"), CompletionOutcome.DELETED, 0, "R", null),
                        NOW))
                .extracting(ActionRules.Violation::field)
                .containsExactly("performedAt");
    }

    // --- properties over random sequences of answers ---

    sealed interface Answer permits Ack, Complete, DisputeIt, Close {}

    record Ack(Acknowledgement a) implements Answer {}

    record Complete(Completion c) implements Answer {}

    record DisputeIt(Dispute d) implements Answer {}

    record Close(Closure c) implements Answer {}

    @Provide
    Arbitrary<List<Answer>> answers() {
        Arbitrary<Answer> one = Arbitraries.oneOf(
                Arbitraries.of("a", "b").map(n -> new Ack(new Acknowledgement(n))),
                Arbitraries.of(CompletionOutcome.DELETED, CompletionOutcome.ANONYMISED)
                        .map(o -> new Complete(new Completion(DELETED.performedAt(), o, 3, "ref", null))),
                Arbitraries.of("x", "y").map(r -> new DisputeIt(new Dispute(r, null))),
                Arbitraries.of("p", "q").map(n -> new Close(new Closure(n))));
        return one.list().ofMaxSize(8);
    }

    /** Applies answers in order, as the service does. */
    static State run(State s, List<Answer> answers, List<Verdict> verdicts) {
        for (Answer answer : answers) {
            Verdict v;
            if (answer instanceof Ack a) {
                v = ActionRules.acknowledge(s, a.a());
            } else if (answer instanceof Complete c) {
                v = ActionRules.complete(s, c.c());
            } else if (answer instanceof DisputeIt d) {
                v = ActionRules.dispute(s, d.d());
            } else {
                v = ActionRules.close(s, ((Close) answer).c());
            }
            verdicts.add(v);
            if (v.effect() == Effect.APPLY) {
                s = new State(
                        s.kind(),
                        v.next(),
                        answer instanceof Ack a ? a.a() : s.acknowledgement(),
                        answer instanceof Complete c ? c.c() : s.completion(),
                        answer instanceof DisputeIt d ? d.d() : s.dispute(),
                        answer instanceof Close c ? c.c() : s.closure());
            }
        }
        return s;
    }

    @Property
    void aCompletedActionStaysCompletedWithItsFirstAnswer(@ForAll("answers") List<Answer> answers) {
        List<Verdict> verdicts = new java.util.ArrayList<>();
        State end = run(State.opened(ActionKind.ERASE), answers, verdicts);
        int firstCompletion = -1;
        for (int i = 0; i < answers.size(); i++) {
            if (verdicts.get(i).effect() == Effect.APPLY && verdicts.get(i).next() == ActionStatus.COMPLETED) {
                firstCompletion = i;
                break;
            }
        }
        if (firstCompletion >= 0) {
            assertThat(end.status()).isEqualTo(ActionStatus.COMPLETED);
            assertThat(end.completion()).isEqualTo(((Complete) answers.get(firstCompletion)).c());
            assertThat(verdicts.subList(firstCompletion + 1, verdicts.size()))
                    .noneMatch(v -> v.effect() == Effect.APPLY);
        }
    }

    @Property
    void repeatingTheLastAnswerNeverChangesAnything(@ForAll("answers") List<Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        List<Verdict> verdicts = new java.util.ArrayList<>();
        State end = run(State.opened(ActionKind.ERASE), answers, verdicts);
        List<Verdict> again = new java.util.ArrayList<>();
        State after = run(end, List.of(answers.get(answers.size() - 1)), again);
        assertThat(after).isEqualTo(end);
        assertThat(again.get(0).effect()).isNotEqualTo(Effect.APPLY);
        if (verdicts.get(verdicts.size() - 1).effect() != Effect.CONFLICT) {
            assertThat(again.get(0).effect()).isEqualTo(Effect.REPLAY);
        }
    }

    @Property
    void aConflictNeverChangesTheStatusAndEveryAnswerIsRecordedOnce(@ForAll("answers") List<Answer> answers) {
        List<Verdict> verdicts = new java.util.ArrayList<>();
        run(State.opened(ActionKind.ERASE), answers, verdicts);
        assertThat(verdicts.stream().filter(v -> v.effect() == Effect.APPLY && v.next() == ActionStatus.COMPLETED))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(verdicts.stream().filter(v -> v.effect() == Effect.APPLY && v.next() == ActionStatus.DISPUTED))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(verdicts.stream().filter(v -> v.effect() == Effect.APPLY && v.next() == ActionStatus.CLOSED))
                .hasSizeLessThanOrEqualTo(1);
        // once finished (completed, closed), nothing else applies
        boolean finished = false;
        for (Verdict v : verdicts) {
            if (finished) {
                assertThat(v.effect()).isNotEqualTo(Effect.APPLY);
            }
            if (v.effect() == Effect.APPLY && (v.next() == ActionStatus.COMPLETED || v.next() == ActionStatus.CLOSED)) {
                finished = true;
            }
        }
    }
}
