package org.custodian.testing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.platform.time.ClockProducer;

/**
 * The service's clock in tests: real time plus an offset a test can move (a grant expiring, a deadline passing, a
 * retry falling due). It replaces the kernel's default {@link Clock} bean in every {@code @QuarkusTest}; a test that
 * moves it resets it afterwards.
 */
@Singleton
public class MovableClock extends Clock {

    /** The kernel's own clock (microseconds, as PostgreSQL keeps time), which this one moves. */
    private static final Clock REAL = ClockProducer.system();

    private final AtomicLong offsetMillis = new AtomicLong();
    private final ZoneId zone;
    /** The clock whose offset a zoned view shares; null for the bean itself. */
    private final MovableClock shared;

    public MovableClock() {
        this(ZoneOffset.UTC, null);
    }

    private MovableClock(ZoneId zone, MovableClock shared) {
        this.zone = zone;
        this.shared = shared;
    }

    private MovableClock source() {
        return shared == null ? this : shared;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(other, source());
    }

    @Override
    public Instant instant() {
        return REAL.instant().plusMillis(source().offsetMillis.get());
    }

    /** Moves the clock so that it now reads {@code at}, and runs on from there. */
    public void setTo(Instant at) {
        source().offsetMillis.set(Duration.between(REAL.instant(), at).toMillis());
    }

    public void advance(Duration by) {
        source().offsetMillis.addAndGet(by.toMillis());
    }

    public void reset() {
        source().offsetMillis.set(0);
    }
}
