package org.custodian.sharing.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    static final Instant T = Instant.parse("2026-11-28T14:00:00Z");

    @Test
    void withoutJitterTheRetriesFollowLegalRules() {
        RetrySchedule schedule = new RetrySchedule(RetrySchedule.STANDARD, 0, Duration.ofDays(1));
        List<Duration> gaps = new ArrayList<>();
        for (int made = 1; made < 8; made++) {
            gaps.add(Duration.between(
                    T, schedule.next(made, T, Optional.empty(), () -> 0.5).orElseThrow()));
        }
        assertThat(gaps)
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(5),
                        Duration.ofHours(10),
                        Duration.ofHours(10));
        assertThat(schedule.next(8, T, Optional.empty(), () -> 0.5))
                .as("after the eighth attempt")
                .isEmpty();
        assertThat(schedule.maxAttempts()).isEqualTo(8);
    }

    @Property
    void jitterStaysWithinItsFraction(
            @ForAll @IntRange(min = 1, max = 7) int made, @ForAll @DoubleRange(min = 0, max = 0.99) double random) {
        RetrySchedule schedule = new RetrySchedule(RetrySchedule.STANDARD, 0.1, Duration.ofDays(1));
        long base = RetrySchedule.STANDARD.get(made).toMillis();
        long actual = Duration.between(
                        T,
                        schedule.next(made, T, Optional.empty(), () -> random).orElseThrow())
                .toMillis();
        assertThat(actual).isBetween(Math.round(base * 0.9), Math.round(base * 1.1));
    }

    @Test
    void aLongerRetryAfterIsHonouredAndCapped() {
        RetrySchedule schedule = new RetrySchedule(RetrySchedule.STANDARD, 0, Duration.ofHours(1));
        assertThat(schedule.next(1, T, Optional.of(Duration.ofSeconds(120)), () -> 0.5))
                .contains(T.plusSeconds(120));
        assertThat(schedule.next(1, T, Optional.of(Duration.ofSeconds(1)), () -> 0.5))
                .contains(T.plusSeconds(5));
        assertThat(schedule.next(1, T, Optional.of(Duration.ofDays(3)), () -> 0.5))
                .contains(T.plus(Duration.ofHours(1)));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(RetrySchedule.parseRetryAfter("120", T)).contains(Duration.ofSeconds(120));
        assertThat(RetrySchedule.parseRetryAfter("Sat, 28 Nov 2026 14:10:00 GMT", T))
                .contains(Duration.ofMinutes(10));
        assertThat(RetrySchedule.parseRetryAfter("Sat, 28 Nov 2026 13:00:00 GMT", T))
                .contains(Duration.ZERO);
        assertThat(RetrySchedule.parseRetryAfter("soon", T)).isEmpty();
        assertThat(RetrySchedule.parseRetryAfter(null, T)).isEmpty();
    }
}
