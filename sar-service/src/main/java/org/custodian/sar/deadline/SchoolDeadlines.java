package org.custodian.sar.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.platform.calendar.WorkingDays;
import org.custodian.sar.calendar.SchoolCalendarRepository;
import org.custodian.sar.roster.Roster;
import org.custodian.sar.roster.SchoolProfile;

/** The deadline calculator of one school: its region's bank holidays and its term calendar. */
@ApplicationScoped
public class SchoolDeadlines {

    private final Roster roster;
    private final SchoolCalendarRepository calendars;

    public SchoolDeadlines(Roster roster, SchoolCalendarRepository calendars) {
        this.roster = roster;
        this.calendars = calendars;
    }

    public Deadlines forSchool(String urn) {
        SchoolProfile school = roster.schoolOrDefaults(urn);
        return new Deadlines(
                WorkingDays.in(school.bankHolidayRegion()),
                calendars.findOrNone(urn).calendar(),
                school.pupilInformationRegulations());
    }
}
