package org.custodian.retention.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The calendar day in England, which decides what is due: retention dates are calendar dates in Europe/London. */
@ApplicationScoped
public class Today {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Clock clock = Clock.system(LONDON);

    public LocalDate date() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The calendar day in England on which an instant fell. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(LONDON).toLocalDate();
    }
}
