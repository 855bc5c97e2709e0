package org.custodian.consent.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custodian.consent.roster.CompetenceRules.Basis;
import org.custodian.consent.roster.CompetenceRules.Competence;
import org.custodian.platform.events.RosterEvents.CompetenceAssessment;
import org.junit.jupiter.api.Test;

class CompetenceRulesTest {

    private static final LocalDate BORN = LocalDate.of(2017, 3, 10);

    @Test
    void aNineYearOldAssessedCompetentIsCompetentFromTheDayOfTheAssessment() {
        CompetenceAssessment assessed = new CompetenceAssessment(true, LocalDate.of(2026, 11, 2));
        assertThat(CompetenceRules.on(BORN, LocalDate.of(2026, 11, 1), 13, assessed))
                .as("the day before the assessment: the age decides, and she is 9")
                .isEqualTo(new Competence(false, Basis.AGE));
        assertThat(CompetenceRules.on(BORN, LocalDate.of(2026, 11, 2), 13, assessed))
                .isEqualTo(new Competence(true, Basis.ASSESSMENT));
        assertThat(CompetenceRules.on(BORN, LocalDate.of(2027, 6, 1), 13, assessed))
                .isEqualTo(new Competence(true, Basis.ASSESSMENT));
    }

    @Test
    void aFourteenYearOldAssessedNotYetCompetentIsNotCompetentWhateverTheAge() {
        LocalDate born = LocalDate.of(2012, 1, 5);
        CompetenceAssessment assessed = new CompetenceAssessment(false, LocalDate.of(2026, 9, 1));
        assertThat(CompetenceRules.on(born, LocalDate.of(2026, 10, 1), 13, null))
                .as("no assessment: 14 is over the school's age")
                .isEqualTo(new Competence(true, Basis.AGE));
        assertThat(CompetenceRules.on(born, LocalDate.of(2026, 10, 1), 13, assessed))
                .isEqualTo(new Competence(false, Basis.ASSESSMENT));
    }

    @Test
    void inScotlandTwelveIsPresumedCompetentUnlessTheDpoShowsTheContrary() {
        LocalDate born = LocalDate.of(2014, 5, 1);
        LocalDate day = LocalDate.of(2026, 5, 1);
        assertThat(CompetenceRules.on(born, day, 12, null).competent()).isTrue();
        assertThat(CompetenceRules.on(born, day, 12, new CompetenceAssessment(false, day))
                        .competent())
                .isFalse();
    }

    @Property
    void withAnAssessmentInEffectTheAgeNeverDecides(
            @ForAll("births") LocalDate born,
            @ForAll("days") LocalDate day,
            @ForAll @IntRange(min = 10, max = 18) int competenceAge,
            @ForAll boolean competent,
            @ForAll @IntRange(min = 0, max = 3000) int daysBefore) {
        CompetenceAssessment assessment = new CompetenceAssessment(competent, day.minusDays(daysBefore));
        Competence c = CompetenceRules.on(born, day, competenceAge, assessment);
        assertThat(c.competent()).isEqualTo(competent);
        assertThat(c.basis()).isEqualTo(Basis.ASSESSMENT);
        assertThat(CompetenceRules.on(born, day, competenceAge == 18 ? 10 : 18, assessment))
                .as("another competence age changes nothing")
                .isEqualTo(c);
    }

    @Property
    void beforeTheAssessmentOrWithoutOneTheAgeDecides(
            @ForAll("births") LocalDate born,
            @ForAll("days") LocalDate day,
            @ForAll @IntRange(min = 10, max = 18) int competenceAge,
            @ForAll boolean competent,
            @ForAll @IntRange(min = 1, max = 3000) int daysAfter) {
        boolean byAge = Ages.isCompetent(born, day, competenceAge);
        assertThat(CompetenceRules.on(born, day, competenceAge, null)).isEqualTo(new Competence(byAge, Basis.AGE));
        assertThat(CompetenceRules.on(
                        born, day, competenceAge, new CompetenceAssessment(competent, day.plusDays(daysAfter))))
                .isEqualTo(new Competence(byAge, Basis.AGE));
    }

    @Provide
    Arbitrary<LocalDate> births() {
        return Arbitraries.integers()
                .between(0, 20 * 366)
                .map(d -> LocalDate.of(2004, 1, 1).plusDays(d));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers()
                .between(0, 10 * 366)
                .map(d -> LocalDate.of(2024, 1, 1).plusDays(d));
    }
}
