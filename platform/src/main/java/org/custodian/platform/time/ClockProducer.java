package org.custodian.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The one clock of a service: everything that reads the time injects {@link Clock} (and {@link LegalTime} turns it into
 * England's calendar day), so that tests can replace it with the movable clock of platform-testing. It ticks in
 * microseconds, as PostgreSQL keeps time: an instant a service writes reads back the same.
 */
@ApplicationScoped
public class ClockProducer {

    /** What a {@code timestamptz} keeps. */
    public static final Duration PRECISION = Duration.of(1, ChronoUnit.MICROS);

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return system();
    }

    /** The real time, ticking at {@link #PRECISION}: the default clock, and what the tests' movable clock runs on. */
    public static Clock system() {
        return new MicrosecondClock(Clock.systemUTC());
    }

    /**
     * Not {@code Clock.tick(base, PRECISION)}: on Java 17 a tick clock finer than a millisecond divides by zero in
     * {@link Clock#millis()}.
     */
    private static final class MicrosecondClock extends Clock {

        private final Clock base;

        private MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(base.getZone()) ? this : new MicrosecondClock(base.withZone(zone));
        }

        @Override
        public long millis() {
            return base.millis();
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }
    }
}
