package org.custodian.sar.support;

import java.time.LocalDate;
import java.time.ZoneId;

/** Legal deadlines are computed in Europe/London (DESIGN.md §6): "today" is London's today. */
public final class Dates {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Dates() {}

    public static LocalDate today() {
        return LocalDate.now(LONDON);
    }
}
