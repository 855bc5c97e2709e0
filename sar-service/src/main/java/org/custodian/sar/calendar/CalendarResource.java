package org.custodian.sar.calendar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.calendar.BankHolidays;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.http.ETags;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.sar.calendar.CalendarDtos.BankHolidayList;
import org.custodian.sar.calendar.CalendarDtos.CalendarImport;
import org.custodian.sar.calendar.CalendarDtos.CalendarInput;
import org.custodian.sar.calendar.CalendarDtos.CalendarView;
import org.custodian.sar.roster.Roster;
import org.custodian.sar.roster.SchoolSettingsChanged;
import org.custodian.sar.support.Dates;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The school's term calendar (terms, holidays, INSET days), which decides what a school day is, and its bank holidays. */
@Path("/api/v1/schools/{urn}/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Calendar",
        description = "The school's term calendar and bank holidays, for school-day and working-day deadlines")
public class CalendarResource {

    @Inject
    Caller caller;

    @Inject
    TermCalendars calendars;

    @Inject
    Roster roster;

    @Inject
    AuditLog audit;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Event<SchoolSettingsChanged> settingsChanged;

    @GET
    @RolesAllowed({
        Roles.DPO,
        Roles.SCHOOL_ADMIN,
        Roles.STAFF,
        Roles.SAFEGUARDING_LEAD,
        Roles.PARENT,
        Roles.PUPIL,
        Roles.MIS,
        Roles.AUDITOR
    })
    @Operation(summary = "Read the school's term calendar (terms, holidays, INSET days); its ETag is its version")
    @APIResponse(
            responseCode = "200",
            description = "The calendar (version 0 and no terms when none was set)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "400", description = "Malformed URN")
    public Response get(@PathParam("urn") String urn) {
        caller.requireSchool(urn);
        TermCalendars.Stored stored = calendars.load(urn);
        return Response.ok(CalendarView.of(stored, roster.schoolOrDefaults(urn).bankHolidayRegion()))
                .header(HttpHeaders.ETAG, ETags.of(stored.version()))
                .build();
    }

    @PUT
    @RolesAllowed(Roles.DPO)
    @Transactional
    @Operation(summary = "Replace the school's term calendar (the DPO's edit); send If-Match with the ETag you read")
    @APIResponse(
            responseCode = "200",
            description = "The new calendar; open requests' school-day deadlines are recomputed")
    @APIResponse(
            responseCode = "400",
            description = "Invalid calendar (overlapping terms, an INSET day longer than a day, bad dates)")
    @APIResponse(responseCode = "412", description = "The calendar changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response replace(
            @PathParam("urn") String urn,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CalendarInput input) {
        caller.requireSchool(urn);
        TermCalendar calendar = validated(input);
        ETags.requireMatch(ifMatch, calendars.lockVersion(urn));
        return store(urn, calendar, "DPO", "calendar.updated");
    }

    @POST
    @Path("imports")
    @RolesAllowed({Roles.MIS, Roles.DPO})
    @Transactional
    @Operation(summary = "Import the term calendar from the MIS, replacing the current one")
    @APIResponse(responseCode = "201", description = "The imported calendar")
    @APIResponse(responseCode = "400", description = "Invalid calendar")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    public Response importCalendar(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull CalendarImport input) {
        caller.requireSchool(urn);
        TermCalendar calendar = validated(input.calendar());
        return idempotency.execute(
                caller.subject(), idempotencyKey, "POST /api/v1/schools/" + urn + "/calendar/imports", input, () -> {
                    calendars.lockVersion(urn);
                    Response stored = store(urn, calendar, "MIS:" + input.source(), "calendar.imported");
                    return Response.fromResponse(stored)
                            .status(Response.Status.CREATED)
                            .location(URI.create("/api/v1/schools/" + urn + "/calendar"))
                            .build();
                });
    }

    @GET
    @Path("bank-holidays")
    @RolesAllowed({
        Roles.DPO,
        Roles.SCHOOL_ADMIN,
        Roles.STAFF,
        Roles.SAFEGUARDING_LEAD,
        Roles.PARENT,
        Roles.PUPIL,
        Roles.MIS,
        Roles.AUDITOR
    })
    @Operation(
            summary =
                    "List the bank holidays of the school's region between two dates (default: this year), with their source")
    @APIResponse(responseCode = "200", description = "The holidays")
    @APIResponse(responseCode = "400", description = "Bad dates, or a range longer than ten years")
    public BankHolidayList bankHolidays(
            @PathParam("urn") String urn, @QueryParam("from") String from, @QueryParam("to") String to) {
        caller.requireSchool(urn);
        int year = Dates.today().getYear();
        LocalDate start = date("from", from, LocalDate.of(year, 1, 1));
        LocalDate end = date("to", to, LocalDate.of(year, 12, 31));
        if (end.isBefore(start) || end.isAfter(start.plusYears(10))) {
            throw Problems.invalid("to", "must be on or after 'from' and at most ten years later");
        }
        Region region = roster.schoolOrDefaults(urn).bankHolidayRegion();
        return new BankHolidayList(region, BankHolidays.SOURCE, BankHolidays.between(region, start, end));
    }

    private Response store(String urn, TermCalendar calendar, String source, String action) {
        long version = calendars.replace(urn, calendar, source, caller.subject());
        audit.record(
                caller,
                urn,
                "calendar",
                action,
                AuditEntry.Outcome.SUCCESS,
                calendar.entries().size() + " entries, version " + version);
        settingsChanged.fire(new SchoolSettingsChanged(urn));
        TermCalendars.Stored stored = calendars.load(urn);
        return Response.ok(CalendarView.of(stored, roster.schoolOrDefaults(urn).bankHolidayRegion()))
                .header(HttpHeaders.ETAG, ETags.of(version))
                .build();
    }

    private static TermCalendar validated(CalendarInput input) {
        List<FieldError> errors = new java.util.ArrayList<>();
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

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
