package org.custodian.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
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
        return Clock.tick(Clock.systemUTC(), PRECISION);
    }
}
