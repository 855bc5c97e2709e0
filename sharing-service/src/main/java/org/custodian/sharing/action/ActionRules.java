package org.custodian.sharing.action;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.actionkind.CompletionOutcome;

/**
 * The life of a partner action, as plain rules. A partner may acknowledge an action and then complete or dispute it
 * (completing without acknowledging first is fine); the school's DPO may close it by hand. Every answer is
 * idempotent: the same answer again is a replay that changes nothing, another answer of the same sort, or any answer
 * to an action that is already finished, is a conflict.
 */
public final class ActionRules {

    /** How far ahead of the service's clock a partner's own clock may be when it says when it acted. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** No partner acted on a Custodian action before this. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    public record Acknowledgement(String note) {}

    /** What the partner did: when, how, to how many records, and its own reference. */
    public record Completion(
            Instant performedAt, CompletionOutcome outcome, long recordCount, String reference, String note) {
        public Completion {
            Objects.requireNonNull(performedAt, "performedAt");
            Objects.requireNonNull(outcome, "outcome");
            // the database keeps microseconds; compare what is stored
            performedAt = performedAt.truncatedTo(ChronoUnit.MICROS);
        }
    }

    public record Dispute(String reason, String legalReference) {}

    public record Closure(String note) {}

    /** An action as the rules see it: its kind, status and the answers it has had. */
    public record State(
            ActionKind kind,
            ActionStatus status,
            Acknowledgement acknowledgement,
            Completion completion,
            Dispute dispute,
            Closure closure) {
        public static State opened(ActionKind kind) {
            return new State(kind, ActionStatus.OPEN, null, null, null, null);
        }
    }

    /** What an answer does: apply it (and the status it leads to), replay it, or refuse it as a conflict. */
    public record Verdict(Effect effect, ActionStatus next, String detail) {
        public enum Effect {
            APPLY,
            REPLAY,
            CONFLICT
        }

        static Verdict apply(ActionStatus next) {
            return new Verdict(Effect.APPLY, next, null);
        }

        static Verdict replay(ActionStatus current) {
            return new Verdict(Effect.REPLAY, current, null);
        }

        static Verdict conflict(ActionStatus current, String detail) {
            return new Verdict(Effect.CONFLICT, current, detail);
        }
    }

    /** A field of an answer that the rules refuse. */
    public record Violation(String field, String message) {}

    private ActionRules() {}

    public static Verdict acknowledge(State s, Acknowledgement answer) {
        if (s.acknowledgement() != null) {
            return same(s, s.acknowledgement(), answer, "acknowledged");
        }
        return switch (s.status()) {
            case OPEN -> Verdict.apply(ActionStatus.ACKNOWLEDGED);
            case OVERDUE -> Verdict.apply(ActionStatus.OVERDUE);
            default -> finished(s);
        };
    }

    public static Verdict complete(State s, Completion answer) {
        if (s.completion() != null) {
            return same(s, s.completion(), answer, "completed");
        }
        return s.status().awaitingPartner() ? Verdict.apply(ActionStatus.COMPLETED) : finished(s);
    }

    /**
     * When a completion was performed: the time the partner gave; without one, the time of the completion already
     * recorded (so a retry of the same answer is the same answer), else now.
     */
    public static Instant performedAt(State s, Instant given, Instant now) {
        if (given != null) {
            return given;
        }
        return s.completion() != null ? s.completion().performedAt() : now;
    }

    public static Verdict dispute(State s, Dispute answer) {
        if (s.dispute() != null) {
            return same(s, s.dispute(), answer, "disputed");
        }
        return s.status().awaitingPartner() ? Verdict.apply(ActionStatus.DISPUTED) : finished(s);
    }

    /** The DPO closes an action by hand: one still waiting for the partner, or a disputed one. */
    public static Verdict close(State s, Closure answer) {
        if (s.closure() != null) {
            return same(s, s.closure(), answer, "closed");
        }
        return s.status().awaitingPartner() || s.status() == ActionStatus.DISPUTED
                ? Verdict.apply(ActionStatus.CLOSED)
                : finished(s);
    }

    /** Whether the daily job marks the action overdue: still waiting, and its last day has passed. */
    public static boolean becomesOverdue(ActionStatus status, LocalDate dueOn, LocalDate today) {
        return (status == ActionStatus.OPEN || status == ActionStatus.ACKNOWLEDGED) && today.isAfter(dueOn);
    }

    /** What is wrong with a completion of an action of this kind, checked against the service's clock. */
    public static List<Violation> check(ActionKind kind, Completion c, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (!kind.outcomes().contains(c.outcome())) {
            violations.add(new Violation(
                    "outcome",
                    "a " + kind + " action (" + kind.description() + ") is completed with one of " + kind.outcomes()
                            + ", not " + c.outcome()));
        }
        if (c.performedAt().isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Violation("performedAt", "is in the future"));
        } else if (c.performedAt().isBefore(EARLIEST)) {
            violations.add(new Violation("performedAt", "is before " + EARLIEST));
        }
        if (c.recordCount() < 0) {
            violations.add(new Violation("recordCount", "is not negative"));
        }
        return violations;
    }

    private static Verdict same(State s, Object given, Object answer, String what) {
        return given.equals(answer)
                ? Verdict.replay(s.status())
                : Verdict.conflict(
                        s.status(),
                        "the action was already " + what + " with a different answer; the first answer stands");
    }

    private static Verdict finished(State s) {
        return Verdict.conflict(s.status(), "the action is " + s.status() + " and takes no further answers");
    }
}
