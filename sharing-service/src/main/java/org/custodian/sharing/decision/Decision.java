package org.custodian.sharing.decision;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer for one pupil.
 *
 * @param agreement the agreement the disclosure rests on (ALLOWED), or the closest one that was refused; null when
 *                  none covers the request (and for an emergency disclosure that needed none)
 * @param basis     the lawful basis the disclosure rests on (VITAL_INTERESTS for an emergency override)
 * @param override   an emergency justification overrode missing consent, a restriction, an objection or a missing
 *                   agreement
 * @param overridden what the override set aside (the reasons the agreement's own basis would have refused for);
 *                   empty unless {@code override}
 * @param grounds    what else the disclosure rests on, as recorded: Art. 9(2), Sch. 1, Art. 18(2), Art. 49
 */
public record Decision(
        String pupilId,
        Outcome outcome,
        List<Reason> reasons,
        AgreementTerms agreement,
        LawfulBasis basis,
        boolean override,
        List<Reason> overridden,
        Grounds grounds) {

    @Schema(name = "DisclosureOutcome")
    public enum Outcome {
        ALLOWED,
        REFUSED
    }

    /**
     * The further conditions an allowed disclosure rests on; each null when it needed none.
     *
     * @param specialCategory      the Art. 9(2) condition, when special category data goes
     * @param schedule1            the DPA 2018 Sch. 1 condition, when s.10 needs one (special category or criminal
     *                             offence data)
     * @param restrictionGround the Art. 18(2) ground, when the pupil's processing is restricted
     * @param transferDerogation   the Art. 49(1) derogation, when the data leaves the UK without adequacy or safeguard
     */
    @Schema(
            extensions =
                    @Extension(
                            name = "x-custodian-all-optional",
                            value = "every field is optional",
                            parseValue = false))
    public record Grounds(
            @Schema(nullable = true) SpecialCategoryCondition specialCategory,
            @Schema(nullable = true) Schedule1Condition schedule1,
            @Schema(nullable = true) RestrictionGround restrictionGround,
            @Schema(nullable = true) TransferDerogation transferDerogation) {
        public static final Grounds NONE = new Grounds(null, null, null, null);
    }

    public Decision {
        reasons = List.copyOf(reasons);
        overridden = List.copyOf(overridden);
        if (grounds == null) {
            grounds = Grounds.NONE;
        }
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
