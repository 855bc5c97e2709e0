package org.custodian.sharing.actionkind;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The deadlines an agreement sets for partner actions (only the kinds it changes) and the rule for an action that
 * rests on several agreements: the earliest due date wins.
 */
public final class ActionDeadlines {

    private ActionDeadlines() {}

    /** Every kind, with the agreement's own deadline where it sets one and the default otherwise. */
    public static Map<ActionKind, ActionDeadline> effective(Map<ActionKind, ActionDeadline> set) {
        Map<ActionKind, ActionDeadline> all = new EnumMap<>(ActionKind.class);
        for (ActionKind kind : ActionKind.values()) {
            all.put(kind, set.getOrDefault(kind, kind.defaultDeadline()));
        }
        return all;
    }

    /**
     * The last day to act on an action opened on {@code openedOn} for data received under these agreements (each given
     * by the deadlines it sets): the earliest of theirs, or the default when none is known.
     */
    public static LocalDate dueOn(
            ActionKind kind, Collection<Map<ActionKind, ActionDeadline>> agreements, LocalDate openedOn) {
        LocalDate earliest = null;
        for (Map<ActionKind, ActionDeadline> set : agreements) {
            LocalDate due = set.getOrDefault(kind, kind.defaultDeadline()).dueOn(openedOn);
            if (earliest == null || due.isBefore(earliest)) {
                earliest = due;
            }
        }
        return earliest != null ? earliest : kind.defaultDeadline().dueOn(openedOn);
    }
}
