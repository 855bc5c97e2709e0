package org.custodian.retention.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HoldRuleTest {

    static final LocalDate DAY = LocalDate.parse("2026-03-02");

    @Test
    void eachScopeCoversItsRecords() {
        HoldRule school = new HoldRule(HoldScope.SCHOOL, null, null, null, null);
        HoldRule pupil = new HoldRule(HoldScope.PUPIL, "P1", null, null, null);
        HoldRule safeguarding = new HoldRule(HoldScope.RECORD_CLASS, null, "CHILD_PROTECTION", null, null);
        assertThat(school.covers("ACCIDENT_BOOK", null, DAY)).isTrue();
        assertThat(pupil.covers("ACCIDENT_BOOK", "P1", DAY)).isTrue();
        assertThat(pupil.covers("ACCIDENT_BOOK", "P2", DAY)).isFalse();
        assertThat(pupil.covers("ACCIDENT_BOOK", null, DAY)).isFalse();
        assertThat(safeguarding.covers("CHILD_PROTECTION", "P7", DAY)).isTrue();
        assertThat(safeguarding.covers("SEN_FILES", "P7", DAY)).isFalse();
    }

    @Test
    void aHoldAppliesUpToAndIncludingItsEndAndNotOnceReleased() {
        HoldRule ending = new HoldRule(HoldScope.SCHOOL, null, null, DAY, null);
        assertThat(ending.covers("X", null, DAY)).isTrue();
        assertThat(ending.covers("X", null, DAY.plusDays(1))).isFalse();
        HoldRule released = new HoldRule(HoldScope.SCHOOL, null, null, null, Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(released.covers("X", null, DAY)).isFalse();
    }

    @Property
    void aSchoolHoldCoversEverythingUntilItEnds(
            @ForAll String recordClass, @ForAll String pupil, @ForAll @IntRange(min = -400, max = 400) int daysToEnd) {
        HoldRule hold = new HoldRule(HoldScope.SCHOOL, null, null, DAY.plusDays(daysToEnd), null);
        assertThat(hold.covers(recordClass, pupil, DAY)).isEqualTo(daysToEnd >= 0);
    }
}
