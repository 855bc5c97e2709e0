package org.custodian.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Legal days are counted in England (DESIGN.md §6): "today", a due date and the day an instant fell on are calendar
 * days in Europe/London, whatever the zone of the machine or of the {@link Clock} that is injected.
 */
public final class LegalTime {

    /** The zone's name, for annotations that need a constant (e.g. a scheduled job's {@code timeZone}). */
    public static final String ZONE_ID = "Europe/London";

    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private LegalTime() {}

    /** The calendar day in England that the clock reads now. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The calendar day in England on which an instant fell. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The first instant of a calendar day in England. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
