package org.custodian.sar.request;

import static org.custodian.sar.request.Action.*;
import static org.custodian.sar.request.RequestStatus.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The explicit state machine of a rights request:
 *
 * <pre>
 * RECEIVED ─► AWAITING_IDENTITY (optional) ─► IN_PROGRESS ⇄ AWAITING_CLARIFICATION
 *    │                                         │  ⇅ AWAITING_FEE (manifestly unfounded or excessive only)
 *    └──────────────────────────────────────── ▼
 *                         COMPLETED | REFUSED | WITHDRAWN
 * </pre>
 *
 * An extension and a complaint's acknowledgement are recorded without changing the status. Anything not in the table
 * is an illegal transition.
 */
public final class Lifecycle {

    private static final Map<RequestStatus, Map<Action, RequestStatus>> TABLE = new EnumMap<>(RequestStatus.class);

    static {
        allow(RECEIVED, REQUEST_IDENTITY, AWAITING_IDENTITY);
        allow(RECEIVED, CONFIRM_IDENTITY, IN_PROGRESS);
        allow(RECEIVED, WAIVE_IDENTITY, IN_PROGRESS);
        allow(RECEIVED, REQUEST_CLARIFICATION, AWAITING_CLARIFICATION);
        allow(RECEIVED, REQUEST_FEE, AWAITING_FEE);
        allow(RECEIVED, ACKNOWLEDGE, IN_PROGRESS);
        allow(RECEIVED, REFUSE, REFUSED);
        allow(RECEIVED, WITHDRAW, WITHDRAWN);

        allow(AWAITING_IDENTITY, CONFIRM_IDENTITY, IN_PROGRESS);
        allow(AWAITING_IDENTITY, ACKNOWLEDGE, AWAITING_IDENTITY);
        allow(AWAITING_IDENTITY, REFUSE, REFUSED);
        allow(AWAITING_IDENTITY, WITHDRAW, WITHDRAWN);

        allow(AWAITING_FEE, RECEIVE_FEE, IN_PROGRESS);
        allow(AWAITING_FEE, ACKNOWLEDGE, AWAITING_FEE);
        allow(AWAITING_FEE, WITHDRAW, WITHDRAWN);

        allow(IN_PROGRESS, REQUEST_CLARIFICATION, AWAITING_CLARIFICATION);
        allow(IN_PROGRESS, REQUEST_FEE, AWAITING_FEE);
        allow(IN_PROGRESS, EXTEND, IN_PROGRESS);
        allow(IN_PROGRESS, ACKNOWLEDGE, IN_PROGRESS);
        allow(IN_PROGRESS, COMPLETE, COMPLETED);
        allow(IN_PROGRESS, DECIDE_APPROVED, COMPLETED);
        allow(IN_PROGRESS, DECIDE_REFUSED, REFUSED);
        allow(IN_PROGRESS, REFUSE, REFUSED);
        allow(IN_PROGRESS, WITHDRAW, WITHDRAWN);

        allow(AWAITING_CLARIFICATION, RECEIVE_CLARIFICATION, IN_PROGRESS);
        allow(AWAITING_CLARIFICATION, ACKNOWLEDGE, AWAITING_CLARIFICATION);
        allow(AWAITING_CLARIFICATION, WITHDRAW, WITHDRAWN);

        allow(COMPLETED, LIFT_RESTRICTION, COMPLETED);
    }

    private Lifecycle() {}

    private static void allow(RequestStatus from, Action action, RequestStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(Action.class)).put(action, to);
    }

    /** Why an action is not possible, or empty when it is. */
    public static Optional<String> refusal(RequestType type, RequestStatus status, Action action) {
        String notForType = switch (action) {
            case EXTEND -> type.extendable() ? null : "a " + type + " request cannot be extended";
            case ACKNOWLEDGE -> type == RequestType.COMPLAINT ? null : "only a complaint is acknowledged";
            case COMPLETE -> type.answeredWithDecision() ? "a " + type + " request is answered with a decision" : null;
            case DECIDE_APPROVED, DECIDE_REFUSED ->
                type.answeredWithDecision() ? null : "a " + type + " request has no decision";
            case REFUSE -> type == RequestType.COMPLAINT ? "a complaint is answered, not refused" : null;
            case REQUEST_FEE -> type == RequestType.COMPLAINT ? "a complaint is free" : null;
            case LIFT_RESTRICTION -> type == RequestType.RESTRICTION ? null : "only a restriction can be lifted";
            default -> null;
        };
        if (notForType != null) {
            return Optional.of(notForType);
        }
        if (!TABLE.getOrDefault(status, Map.of()).containsKey(action)) {
            List<String> possible =
                    allowed(type, status).stream().map(Action::resource).toList();
            return Optional.of("a request that is " + status + " cannot take " + action.resource()
                    + (possible.isEmpty() ? "; it is closed" : "; possible now: " + String.join(", ", possible)));
        }
        return Optional.empty();
    }

    /** The status after the action; throws {@link IllegalTransitionException} when the action is not possible. */
    public static RequestStatus next(RequestType type, RequestStatus status, Action action) {
        refusal(type, status, action).ifPresent(reason -> {
            throw new IllegalTransitionException(reason);
        });
        return TABLE.get(status).get(action);
    }

    /** The actions possible for a request of this type in this status. */
    public static List<Action> allowed(RequestType type, RequestStatus status) {
        return TABLE.getOrDefault(status, Map.of()).keySet().stream()
                .filter(a -> refusal(type, status, a).isEmpty())
                .toList();
    }

    /** An action the state machine does not allow: a 409 for the API. */
    public static final class IllegalTransitionException extends RuntimeException {
        public IllegalTransitionException(String message) {
            super(message);
        }
    }
}
