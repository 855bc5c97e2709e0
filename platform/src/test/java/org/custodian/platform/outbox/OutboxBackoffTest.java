package org.custodian.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OutboxBackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void doublesFromTheFirstPauseUpToTheCap() {
        assertThat(OutboxRelay.backoff(1, INITIAL, MAX)).isEqualTo(Duration.ofMillis(500));
        assertThat(OutboxRelay.backoff(2, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxRelay.backoff(3, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OutboxRelay.backoff(7, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxRelay.backoff(10_000, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(30));
    }

    @Property
    void neverShrinksAndStaysWithinBounds(@ForAll @IntRange(min = 1, max = 100_000) int failures) {
        Duration pause = OutboxRelay.backoff(failures, INITIAL, MAX);
        assertThat(pause).isBetween(INITIAL, MAX);
        assertThat(OutboxRelay.backoff(failures + 1, INITIAL, MAX)).isGreaterThanOrEqualTo(pause);
    }
}
