package org.custodian.consent.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ValidityTest {

    @Test
    void anAcademicYearEndsOnThe31stOfAugust() {
        assertThat(Validity.validUntil("ACADEMIC_YEAR", LocalDate.of(2026, 11, 28)))
                .contains(LocalDate.of(2027, 8, 31));
        assertThat(Validity.validUntil("ACADEMIC_YEAR", LocalDate.of(2027, 8, 31)))
                .contains(LocalDate.of(2027, 8, 31));
        assertThat(Validity.validUntil("ACADEMIC_YEAR", LocalDate.of(2027, 9, 1)))
                .contains(LocalDate.of(2028, 8, 31));
        assertThat(Validity.validUntil("ACADEMIC_YEAR", LocalDate.of(2027, 1, 15)))
                .contains(LocalDate.of(2027, 8, 31));
    }

    @Test
    void aPeriodRunsToTheDayBeforeTheAnniversary() {
        assertThat(Validity.validUntil("P1Y", LocalDate.of(2026, 11, 28))).contains(LocalDate.of(2027, 11, 27));
        assertThat(Validity.validUntil("P6M", LocalDate.of(2026, 8, 31))).contains(LocalDate.of(2027, 2, 27));
        assertThat(Validity.validUntil(null, LocalDate.of(2026, 11, 28))).isEmpty();
    }

    @Test
    void onlyKnownValiditiesAreAccepted() {
        assertThat(Validity.isValid(null)).isTrue();
        assertThat(Validity.isValid("ACADEMIC_YEAR")).isTrue();
        assertThat(Validity.isValid("P2Y")).isTrue();
        assertThat(Validity.isValid("P0D")).isFalse();
        assertThat(Validity.isValid("P-1Y")).isFalse();
        assertThat(Validity.isValid("one year")).isFalse();
    }

    @Property
    void anAcademicYearGrantNeverOutlivesTheNext31stOfAugust(@ForAll @IntRange(min = 0, max = 3650) int daysFrom2024) {
        LocalDate granted = LocalDate.of(2024, 1, 1).plusDays(daysFrom2024);
        Optional<LocalDate> until = Validity.validUntil("ACADEMIC_YEAR", granted);
        assertThat(until).isPresent();
        assertThat(until.get()).isAfterOrEqualTo(granted);
        assertThat(until.get().getMonth()).isEqualTo(Month.AUGUST);
        assertThat(until.get().getDayOfMonth()).isEqualTo(31);
        assertThat(until.get()).isBefore(granted.plusYears(1).plusDays(1));
    }
}
