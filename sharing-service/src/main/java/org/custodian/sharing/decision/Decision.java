package org.custodian.sharing.decision;

import java.util.List;

/**
 * The answer for one pupil.
 *
 * @param agreement the agreement the disclosure rests on (ALLOWED), or the closest one that was refused; null when
 *                  none covers the request
 * @param basis     the lawful basis the disclosure rests on (VITAL_INTERESTS for an emergency override)
 * @param override   an emergency justification overrode missing consent, a restriction or an objection
 * @param overridden what the override set aside (the reasons the agreement's own basis would have refused for);
 *                   empty unless {@code override}
 */
public record Decision(
        String pupilId,
        Outcome outcome,
        List<Reason> reasons,
        AgreementTerms agreement,
        LawfulBasis basis,
        boolean override,
        List<Reason> overridden) {

    public enum Outcome {
        ALLOWED,
        REFUSED
    }

    public Decision {
        reasons = List.copyOf(reasons);
        overridden = List.copyOf(overridden);
        if ((outcome == Outcome.ALLOWED) != reasons.isEmpty()) {
            throw new IllegalArgumentException("an allowed decision has no reasons and a refused one has some");
        }
        if (override != !overridden.isEmpty()) {
            throw new IllegalArgumentException("an override names what it overrode, and only an override does");
        }
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }
}
