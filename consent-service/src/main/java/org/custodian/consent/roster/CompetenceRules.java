package org.custodian.consent.roster;

import java.time.LocalDate;
import org.custodian.platform.events.RosterEvents.CompetenceAssessment;

/**
 * Whether a child exercises their own data protection rights on a day (legal-rules.md, "Children and parents"; ICO
 * guidance on children's competence): the data protection officer's assessment of the child, from the day it was made,
 * decides either way; without one in effect, the school's competence age does (its setting, 12 in Scotland: DPA 2018
 * s.208 presumes a child of 12 competent "unless the contrary is shown"). Plain Java.
 */
public final class CompetenceRules {

    private CompetenceRules() {}

    /** How competence was decided on a day. */
    public enum Basis {
        /** The DPO's assessment, made on or before the day, decided. */
        ASSESSMENT,
        /** No assessment in effect: the school's competence age decided. */
        AGE
    }

    /** Whether the pupil is competent on the day, and what decided it. */
    public record Competence(boolean competent, Basis basis) {

        public boolean assessed() {
            return basis == Basis.ASSESSMENT;
        }
    }

    /**
     * @param assessment the DPO's current assessment of the child, or null when none is recorded; one made after
     *                   {@code day} does not count yet
     */
    public static Competence on(
            LocalDate dateOfBirth, LocalDate day, int competenceAge, CompetenceAssessment assessment) {
        if (assessment != null && !assessment.assessedOn().isAfter(day)) {
            return new Competence(assessment.competent(), Basis.ASSESSMENT);
        }
        return new Competence(Ages.isCompetent(dateOfBirth, day, competenceAge), Basis.AGE);
    }
}
