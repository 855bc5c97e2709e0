package org.custodian.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.custodian.consent.roster.GuardianOfPupil;
import org.custodian.consent.roster.Relationship;
import org.junit.jupiter.api.Test;

/** Worked examples: the resolver's lines as a parent or the pupil reads them. */
class ExplanationRulesTest {

    private static GuardianOfPupil g(String id, Relationship r, boolean pr) {
        return new GuardianOfPupil(id, "Name " + id, id + "@x.test", pr, r, false);
    }

    private static final List<GuardianOfPupil> FAMILY = List.of(
            g("DAD", Relationship.FATHER, true),
            g("MUM", Relationship.MOTHER, true),
            g("NAN", Relationship.CARER, true),
            g("STEP", Relationship.STEP_PARENT, false));

    @Test
    void theReaderIsYouAndEveryoneElseTheirRelationship() {
        Map<String, String> names = ExplanationRules.names(FAMILY, "MUM", false);
        assertThat(names)
                .containsEntry("MUM", "you")
                .containsEntry("DAD", "the child's father")
                .containsEntry("NAN", "a carer with parental responsibility")
                .containsEntry("STEP", "the child's step-parent");
        assertThat(ExplanationRules.forReader(
                        List.of(
                                "guardian MUM granted (version 1, 2026-09-01T10:00:00Z)",
                                "guardian DAD does not hold parental responsibility now: their refused does not count",
                                "guardian NAN's grant expired after 2026-08-31",
                                "guardian MUM's grant expired after 2026-08-31",
                                "guardian MUM does not hold parental responsibility now: their refused does not count",
                                "guardian MUM has not been notified in writing (Protection of Freedoms Act 2012, s.26(2))",
                                "guardian MUM is not a parent within s.28 of the Protection of Freedoms Act 2012 now",
                                "guardian GONE withdrew (version 1, 2026-09-01T10:00:00Z)",
                                "the most restrictive decision wins"),
                        names))
                .containsExactly(
                        "you granted (version 1, 2026-09-01T10:00:00Z)",
                        "the child's father does not hold parental responsibility now: their refused does not count",
                        "a carer with parental responsibility's grant expired after 2026-08-31",
                        "your grant expired after 2026-08-31",
                        "you do not hold parental responsibility now: their refused does not count",
                        "you have not been notified in writing (Protection of Freedoms Act 2012, s.26(2))",
                        "you are not a parent within s.28 of the Protection of Freedoms Act 2012 now",
                        "someone no longer linked to the child withdrew (version 1, 2026-09-01T10:00:00Z)",
                        "the most restrictive decision wins");
    }

    @Test
    void theChildReadsAboutTheirOwnFamily() {
        Map<String, String> names = ExplanationRules.names(FAMILY, null, true);
        assertThat(ExplanationRules.forReader(List.of("guardian DAD withdrew", "guardian MUM granted"), names))
                .containsExactly("your father withdrew", "your mother granted");
    }

    @Test
    void twoPeopleWithOneRelationshipAreNumberedAndAnIdIsNeverTakenForAnother() {
        Map<String, String> names = ExplanationRules.names(
                List.of(g("M1", Relationship.MOTHER, true), g("M12", Relationship.MOTHER, true)), "X", false);
        assertThat(ExplanationRules.forReader(List.of("guardian M12 granted", "guardian M1 refused"), names))
                .containsExactly("the child's mother (2) granted", "the child's mother refused");
    }

    @Test
    void aLocalAuthorityIsNamedAsSuch() {
        assertThat(ExplanationRules.words(Relationship.LOCAL_AUTHORITY, true, false))
                .isEqualTo("the local authority looking after the child");
        assertThat(ExplanationRules.words(Relationship.FATHER, false, false)).isEqualTo("the child's father");
    }
}
