package org.custodian.sar.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodian.platform.calendar.BankHoliday;
import org.custodian.platform.calendar.Region;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The calendar API's bodies. */
public final class CalendarDtos {

    private CalendarDtos() {}

    public record Period(
            @NotBlank @Size(max = 100) String name,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn) {}

    public record InsetDay(
            @NotBlank @Size(max = 100) String name, @NotNull LocalDate date) {}

    /** A whole calendar: terms, holidays inside or between them (half-terms), INSET days. */
    public record CalendarInput(
            @NotNull @Size(max = 100) List<@Valid @NotNull Period> terms,
            @Size(max = 200) List<@Valid @NotNull Period> holidays,
            @Size(max = 200) List<@Valid @NotNull InsetDay> insetDays) {

        public TermCalendar toCalendar() {
            List<TermCalendar.Entry> entries = new ArrayList<>();
            terms.forEach(t ->
                    entries.add(new TermCalendar.Entry(TermCalendar.Kind.TERM, t.name(), t.startsOn(), t.endsOn())));
            if (holidays != null) {
                holidays.forEach(h -> entries.add(
                        new TermCalendar.Entry(TermCalendar.Kind.HOLIDAY, h.name(), h.startsOn(), h.endsOn())));
            }
            if (insetDays != null) {
                insetDays.forEach(d ->
                        entries.add(new TermCalendar.Entry(TermCalendar.Kind.INSET, d.name(), d.date(), d.date())));
            }
            return new TermCalendar(entries);
        }
    }

    /** A calendar sent by the MIS, with the system it came from. */
    public record CalendarImport(
            @NotBlank @Size(max = 50) String source,
            @NotNull @Size(max = 100) List<@Valid @NotNull Period> terms,
            @Size(max = 200) List<@Valid @NotNull Period> holidays,
            @Size(max = 200) List<@Valid @NotNull InsetDay> insetDays) {
        public CalendarInput calendar() {
            return new CalendarInput(terms, holidays, insetDays);
        }
    }

    public record CalendarView(
            String schoolUrn,
            long version,
            @Schema(nullable = true) String source,
            @Schema(nullable = true) Instant updatedAt,
            Region region,
            List<Period> terms,
            List<Period> holidays,
            List<InsetDay> insetDays) {

        static CalendarView of(SchoolCalendar stored, Region region) {
            List<Period> terms = new ArrayList<>();
            List<Period> holidays = new ArrayList<>();
            List<InsetDay> insets = new ArrayList<>();
            for (TermCalendar.Entry e : stored.calendar().entries()) {
                switch (e.kind()) {
                    case TERM -> terms.add(new Period(e.name(), e.startsOn(), e.endsOn()));
                    case HOLIDAY -> holidays.add(new Period(e.name(), e.startsOn(), e.endsOn()));
                    case INSET -> insets.add(new InsetDay(e.name(), e.startsOn()));
                }
            }
            return new CalendarView(
                    stored.schoolUrn(),
                    stored.version(),
                    stored.source(),
                    stored.updatedAt(),
                    region,
                    terms,
                    holidays,
                    insets);
        }
    }

    public record BankHolidayList(Region region, String source, List<BankHoliday> items) {}
}
