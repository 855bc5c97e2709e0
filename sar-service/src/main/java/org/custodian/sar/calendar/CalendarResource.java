package org.custodian.sar.calendar;

import jakarta.annotation.security.RolesAllowed;
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
import org.custodian.platform.http.ETags;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.sar.calendar.CalendarDtos.BankHolidayList;
import org.custodian.sar.calendar.CalendarDtos.CalendarImport;
import org.custodian.sar.calendar.CalendarDtos.CalendarInput;
import org.custodian.sar.calendar.CalendarDtos.CalendarView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    private final Caller caller;
    private final CalendarService calendars;
    private final IdempotencyKeys idempotency;

    public CalendarResource(Caller caller, CalendarService calendars, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.calendars = calendars;
        this.idempotency = idempotency;
    }

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
        return ok(calendars.get(urn));
    }

    @PUT
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Replace the school's term calendar (the DPO's edit); send If-Match with the ETag you read")
    @APIResponse(
            responseCode = "200",
            description = "The new calendar; open requests' school-day deadlines are recomputed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CalendarView.class)))
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
        return ok(calendars.replace(urn, ifMatch, input));
    }

    @POST
    @Path("imports")
    @RolesAllowed({Roles.MIS, Roles.DPO})
    @Operation(summary = "Import the term calendar from the MIS, replacing the current one")
    @APIResponse(
            responseCode = "201",
            description = "The imported calendar",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "400", description = "Invalid calendar")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    public Response importCalendar(
            @PathParam("urn") String urn,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull CalendarImport input) {
        caller.requireSchool(urn);
        calendars.check(input.calendar());
        return idempotency.execute(
                caller.subject(),
                idempotencyKey,
                "POST /api/v1/schools/" + urn + "/calendar/imports",
                input,
                () -> Response.fromResponse(ok(calendars.importCalendar(urn, input)))
                        .status(Response.Status.CREATED)
                        .location(URI.create("/api/v1/schools/" + urn + "/calendar"))
                        .build());
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
            @PathParam("urn") String urn,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        caller.requireSchool(urn);
        return calendars.bankHolidays(urn, Params.date("from", from), Params.date("to", to));
    }

    private static Response ok(CalendarView view) {
        return Response.ok(view)
                .header(HttpHeaders.ETAG, ETags.of(view.version()))
                .build();
    }
}
