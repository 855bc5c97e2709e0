package org.custodian.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

    private final Clock clock = ClockProducer.system();

    @Test
    void readsTheTimeInMillisecondsAsTheRefusalCapDoes() {
        long before = System.currentTimeMillis();
        long millis = clock.millis();
        assertThat(millis).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void ticksInMicrosecondsAsPostgresKeepsTime() {
        Instant now = clock.instant();
        assertThat(now).isEqualTo(now.truncatedTo(ChronoUnit.MICROS));
        assertThat(now.toEpochMilli()).isCloseTo(clock.millis(), within(1_000L));
    }

    @Test
    void keepsItsPrecisionInAnotherZone() {
        Clock london = clock.withZone(LegalTime.ZONE);
        assertThat(london.getZone()).isEqualTo(LegalTime.ZONE);
        Instant now = london.instant();
        assertThat(now).isEqualTo(now.truncatedTo(ChronoUnit.MICROS));
    }
}
