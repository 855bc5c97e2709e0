package org.custodian.sar.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.custodian.platform.calendar.WorkingDays;
import org.custodian.sar.calendar.TermCalendarQueries;
import org.custodian.sar.roster.Roster;
import org.custodian.sar.roster.SchoolProfile;

/** The deadline calculator of one school: its region's bank holidays and its term calendar. */
@ApplicationScoped
public class SchoolDeadlines {

    private final Roster roster;
    private final TermCalendarQueries calendars;

    @Inject
    public SchoolDeadlines(Roster roster, TermCalendarQueries calendars) {
        this.roster = roster;
        this.calendars = calendars;
    }

    public Deadlines forSchool(String urn) {
        SchoolProfile school = roster.schoolOrDefaults(urn);
        return new Deadlines(
                WorkingDays.in(school.bankHolidayRegion()), calendars.load(urn).calendar());
    }
}
