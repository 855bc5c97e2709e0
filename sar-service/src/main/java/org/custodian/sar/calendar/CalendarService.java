package org.custodian.sar.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.calendar.BankHolidays;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.http.ETags;
import org.custodian.platform.persistence.TransactionLocks;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;
import org.custodian.sar.calendar.CalendarDtos.BankHolidayList;
import org.custodian.sar.calendar.CalendarDtos.CalendarImport;
import org.custodian.sar.calendar.CalendarDtos.CalendarInput;
import org.custodian.sar.calendar.CalendarDtos.CalendarView;
import org.custodian.sar.roster.Roster;
import org.custodian.sar.roster.SchoolSettingsChanged;

/**
 * A school's term calendar (replaced by the DPO or imported from the MIS, audited, open requests' deadlines recomputed)
 * and the bank holidays of its region.
 */
@ApplicationScoped
@Transactional
public class CalendarService {

    private final Caller caller;
    private final SchoolCalendarRepository calendars;
    private final TransactionLocks locks;
    private final Roster roster;
    private final AuditLog audit;
    private final Event<SchoolSettingsChanged> settingsChanged;
    private final Clock clock;

    public CalendarService(
            Caller caller,
            SchoolCalendarRepository calendars,
            TransactionLocks locks,
            Roster roster,
            AuditLog audit,
            Event<SchoolSettingsChanged> settingsChanged,
            Clock clock) {
        this.caller = caller;
        this.calendars = calendars;
        this.locks = locks;
        this.roster = roster;
        this.audit = audit;
        this.settingsChanged = settingsChanged;
        this.clock = clock;
    }

    @Transactional(TxType.SUPPORTS)
    public CalendarView get(String urn) {
        return view(calendars.findOrNone(urn));
    }

    /** The DPO's edit, if the calendar is still at the version they read. */
    public CalendarView replace(String urn, String ifMatch, CalendarInput input) {
        TermCalendar calendar = validated(input);
        Optional<SchoolCalendar> current = lockedCalendar(urn);
        ETags.requireMatch(ifMatch, current.map(SchoolCalendar::version).orElse(0L));
        return store(urn, current, calendar, "DPO", "calendar.updated");
    }

    /** The MIS's calendar, replacing the current one whatever its version. */
    public CalendarView importCalendar(String urn, CalendarImport input) {
        TermCalendar calendar = validated(input.calendar());
        return store(urn, lockedCalendar(urn), calendar, "MIS:" + input.source(), "calendar.imported");
    }

    /** Checks a calendar before anything else is decided about the call (a 400 names what is wrong). */
    @Transactional(TxType.SUPPORTS)
    public void check(CalendarInput input) {
        validated(input);
    }

    /** The bank holidays of the school's region between two dates (default: this year in England). */
    @Transactional(TxType.SUPPORTS)
    public BankHolidayList bankHolidays(String urn, LocalDate from, LocalDate to) {
        int year = LegalTime.today(clock).getYear();
        LocalDate start = from == null ? LocalDate.of(year, 1, 1) : from;
        LocalDate end = to == null ? LocalDate.of(year, 12, 31) : to;
        if (end.isBefore(start) || end.isAfter(start.plusYears(10))) {
            throw Problems.invalid("to", "must be on or after 'from' and at most ten years later");
        }
        Region region = roster.schoolOrDefaults(urn).bankHolidayRegion();
        return new BankHolidayList(region, BankHolidays.SOURCE, BankHolidays.between(region, start, end));
    }

    /** The school's calendar, if it has one, with its writes serialised: the first write creates the row to lock. */
    private Optional<SchoolCalendar> lockedCalendar(String urn) {
        locks.hold("sar.calendar." + urn);
        return calendars.findByIdOptional(urn);
    }

    private CalendarView store(
            String urn, Optional<SchoolCalendar> current, TermCalendar calendar, String source, String action) {
        SchoolCalendar stored;
        if (current.isPresent()) {
            stored = current.get();
            stored.replace(calendar, source, caller.subject(), clock.instant());
        } else {
            stored = SchoolCalendar.first(urn, calendar, source, caller.subject(), clock.instant());
            calendars.persist(stored);
        }
        calendars.flush();
        long version = stored.version();
        audit.record(
                caller,
                urn,
                "calendar",
                action,
                AuditEntry.Outcome.SUCCESS,
                calendar.entries().size() + " entries, version " + version);
        settingsChanged.fire(new SchoolSettingsChanged(urn));
        return view(stored);
    }

    private CalendarView view(SchoolCalendar stored) {
        return CalendarView.of(
                stored, roster.schoolOrDefaults(stored.schoolUrn()).bankHolidayRegion());
    }

    private static TermCalendar validated(CalendarInput input) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "terms", input.terms());
        check(errors, "holidays", input.holidays());
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        TermCalendar calendar = input.toCalendar();
        List<String> problems = calendar.problems();
        if (!problems.isEmpty()) {
            throw Problems.invalid(
                    problems.stream().map(p -> new FieldError("terms", p)).toList());
        }
        return calendar;
    }

    private static void check(List<FieldError> errors, String field, List<CalendarDtos.Period> periods) {
        if (periods == null) {
            return;
        }
        for (int i = 0; i < periods.size(); i++) {
            CalendarDtos.Period p = periods.get(i);
            if (p.endsOn().isBefore(p.startsOn())) {
                errors.add(new FieldError(field + "[" + i + "].endsOn", "ends before it starts"));
            }
        }
    }
}
