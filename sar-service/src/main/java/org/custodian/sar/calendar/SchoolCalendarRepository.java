package org.custodian.sar.calendar;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Each school's term calendar, keyed by the school. */
@ApplicationScoped
public class SchoolCalendarRepository implements PanacheRepositoryBase<SchoolCalendar, String> {

    /** The school's calendar, or the empty one at version 0 when none was ever set. */
    public SchoolCalendar findOrNone(String urn) {
        return findByIdOptional(urn).orElseGet(() -> SchoolCalendar.none(urn));
    }
}
