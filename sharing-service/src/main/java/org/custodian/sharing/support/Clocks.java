package org.custodian.sharing.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The service's clock: decisions, retries and endpoint death read time only from the {@link Clock} bean, so that tests
 * can replace it with one they control.
 */
@ApplicationScoped
public class Clocks {

    /** Legal days are counted in England. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(LONDON));
    }
}
