package org.custodian.consent.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgesTest {

    @Test
    void aPupilBecomesCompetentOnTheirThirteenthBirthday() {
        LocalDate born = LocalDate.of(2013, 11, 28);
        assertThat(Ages.isCompetent(born, LocalDate.of(2026, 11, 27), 13)).isFalse();
        assertThat(Ages.isCompetent(born, LocalDate.of(2026, 11, 28), 13)).isTrue();
        assertThat(Ages.isCompetent(born, LocalDate.of(2025, 11, 28), 12))
                .as("a school in Scotland")
                .isTrue();
    }

    @Test
    void aLeapDayBirthdayFallsOnTheFirstOfMarchInACommonYear() {
        LocalDate born = LocalDate.of(2012, 2, 29);
        assertThat(Ages.ageOn(born, LocalDate.of(2025, 2, 28))).isEqualTo(12);
        assertThat(Ages.ageOn(born, LocalDate.of(2025, 3, 1))).isEqualTo(13);
        assertThat(Ages.ageOn(born, LocalDate.of(2024, 2, 29))).isEqualTo(12);
    }
}
