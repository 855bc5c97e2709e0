package org.custodian.sharing.actionkind;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a partner is asked to do, with the default time it has (legal-rules.md: erasure and rectification within one
 * calendar month; a restriction or a withdrawn consent within 5 working days) and the outcomes that answer it.
 */
public enum ActionKind {
    /** consent.withdrawn: stop using what was received under the consent (and delete it unless another basis applies). */
    STOP_USING(
            ActionDeadline.workingDays(5),
            EnumSet.of(CompletionOutcome.DELETED, CompletionOutcome.ANONYMISED, CompletionOutcome.RESTRICTED),
            "stop using the data received under the withdrawn consent"),
    /** erasure.requested: erase the data. */
    ERASE(
            ActionDeadline.months(1),
            EnumSet.of(CompletionOutcome.DELETED, CompletionOutcome.ANONYMISED),
            "erase the pupil's data"),
    /** rectification.requested: replace inaccurate data with the corrected data. */
    RECTIFY(
            ActionDeadline.months(1),
            EnumSet.of(CompletionOutcome.CORRECTED, CompletionOutcome.DELETED),
            "correct the pupil's data"),
    /** processing.restricted: keep the data but do not otherwise use it. */
    RESTRICT(
            ActionDeadline.workingDays(5),
            EnumSet.of(CompletionOutcome.RESTRICTED),
            "restrict processing of the pupil's data"),
    /** sharing.ended: the school stopped sharing with the partner; delete everything received about the pupil. */
    DELETE_ALL(
            ActionDeadline.months(1),
            EnumSet.of(CompletionOutcome.DELETED, CompletionOutcome.ANONYMISED),
            "delete everything received about the pupil");

    private final ActionDeadline defaultDeadline;
    private final Set<CompletionOutcome> outcomes;
    private final String description;

    ActionKind(ActionDeadline defaultDeadline, Set<CompletionOutcome> outcomes, String description) {
        this.defaultDeadline = defaultDeadline;
        this.outcomes = outcomes;
        this.description = description;
    }

    public ActionDeadline defaultDeadline() {
        return defaultDeadline;
    }

    /** The outcomes a completion of this kind of action may report. */
    public Set<CompletionOutcome> outcomes() {
        return outcomes;
    }

    public String description() {
        return description;
    }
}
