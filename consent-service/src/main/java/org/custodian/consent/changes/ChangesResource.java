package org.custodian.consent.changes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.custodian.platform.http.ListETag;
import org.custodian.platform.http.ListETags;
import org.custodian.platform.http.Params;
import org.custodian.platform.openapi.QueryParameters;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/{urn}/roster/changes")
@Tag(name = "Roster")
@Produces(MediaType.APPLICATION_JSON)
public class ChangesResource {

    private final Caller caller;
    private final PageRequests pageRequests;
    private final ChangesService changes;

    public ChangesResource(Caller caller, PageRequests pageRequests, ChangesService changes) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.changes = changes;
    }

    @GET
    @RolesAllowed({Roles.MIS, Roles.SCHOOL_ADMIN, Roles.DPO})
    @Operation(
            summary = "What changed since a cursor, for the MIS to read back: consent decisions and roster changes"
                    + " made in the suite",
            description = "In the order they were made: every consent decision (a parent granted, refused or withdrew;"
                    + " per pupil and purpose, with the pupil's effective status afterwards) and every pupil or"
                    + " guardian created or changed in the suite by anyone but the MIS. Start without since (from the"
                    + " first change), then send the next cursor of each answer; an answer with nothing new has no"
                    + " items and the same cursor. more is true when further changes can be read at once.")
    @Extension(name = ListETags.OPENAPI_EXTENSION, value = "true")
    @ListETag
    @APIResponse(
            responseCode = "200",
            description = "The changes after the cursor, oldest first, and the cursor to read on from",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChangesPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "since is not a cursor this service issued for this school's changes, or a bad limit")
    public ChangesPage changes(
            @PathParam("urn") String urn,
            @Parameter(
                            description = "The next cursor of the previous answer; none: from the first change",
                            schema = @Schema(type = SchemaType.STRING, pattern = QueryParameters.CURSOR_PATTERN))
                    @QueryParam("since")
                    String since,
            @Parameter(description = "At most this many changes (1 to 500; default 100)") @QueryParam("limit")
                    String limit) {
        caller.requireSchool(urn);
        Integer max = Params.integer("limit", limit, 1, PageRequest.MAX_LIMIT);
        return changes.read(urn, since, max == null ? ChangesService.DEFAULT_LIMIT : max, pageRequests.cursors());
    }
}
