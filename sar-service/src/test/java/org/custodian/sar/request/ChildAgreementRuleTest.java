package org.custodian.sar.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.custodian.sar.request.ChildAgreementRule.Assessment;
import org.junit.jupiter.api.Test;

/** The DPO's competence assessment in the child-agreement rule: from the day it was made, it overrides the age. */
class ChildAgreementRuleTest {

    private static final LocalDate NINE_IN_2026 = LocalDate.parse("2017-01-10");
    private static final LocalDate FOURTEEN_IN_2026 = LocalDate.parse("2012-01-10");

    @Test
    void anAssessmentOverridesTheAgeEitherWayForARequestReceivedOnOrAfterIt() {
        LocalDate assessed = LocalDate.parse("2026-10-01");
        assertThat(ChildAgreementRule.agreementNeeded(
                        NINE_IN_2026, assessed, 13, Optional.of(new Assessment(true, assessed))))
                .get()
                .asString()
                .contains("data protection officer assessed the child on 2026-10-01");
        assertThat(ChildAgreementRule.agreementNeeded(
                        FOURTEEN_IN_2026, assessed.plusDays(20), 13, Optional.of(new Assessment(false, assessed))))
                .isEmpty();
    }

    @Test
    void anAssessmentMadeAfterTheRequestWasReceivedDoesNotCountForIt() {
        LocalDate received = LocalDate.parse("2026-09-15");
        Optional<Assessment> later = Optional.of(new Assessment(true, LocalDate.parse("2026-10-01")));
        assertThat(ChildAgreementRule.agreementNeeded(NINE_IN_2026, received, 13, later))
                .as("a nine-year-old's parent asked before the DPO judged the child competent: the age decides")
                .isEmpty();
        Optional<Assessment> laterNotCompetent = Optional.of(new Assessment(false, LocalDate.parse("2026-10-01")));
        assertThat(ChildAgreementRule.agreementNeeded(FOURTEEN_IN_2026, received, 13, laterNotCompetent))
                .as("a fourteen-year-old on the day received: the age decides, agreement needed")
                .get()
                .asString()
                .contains("was 14");
    }

    @Property
    void beforeTheAssessmentTheAgeAloneDecides(
            @ForAll @IntRange(min = 0, max = 6000) int bornDaysAgo,
            @ForAll @IntRange(min = 1, max = 1000) int assessedDaysLater,
            @ForAll boolean competent,
            @ForAll @IntRange(min = 10, max = 16) int competenceAge) {
        LocalDate received = LocalDate.parse("2026-06-01");
        LocalDate born = received.minusDays(bornDaysAgo);
        assertThat(ChildAgreementRule.agreementNeeded(
                        born,
                        received,
                        competenceAge,
                        Optional.of(new Assessment(competent, received.plusDays(assessedDaysLater)))))
                .isEqualTo(ChildAgreementRule.agreementNeeded(born, received, competenceAge));
    }

    @Property
    void fromTheAssessmentTheAgeNeverDecides(
            @ForAll @IntRange(min = 0, max = 6000) int bornDaysAgo,
            @ForAll @IntRange(min = 0, max = 1000) int assessedDaysBefore,
            @ForAll boolean competent,
            @ForAll @IntRange(min = 10, max = 16) int competenceAge) {
        LocalDate received = LocalDate.parse("2026-06-01");
        LocalDate born = received.minusDays(bornDaysAgo);
        assertThat(ChildAgreementRule.agreementNeeded(
                                born,
                                received,
                                competenceAge,
                                Optional.of(new Assessment(competent, received.minusDays(assessedDaysBefore))))
                        .isPresent())
                .isEqualTo(competent);
    }
}
