package org.custodian.consent.me;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where the front end starts: who the caller is, their schools, and for a parent their children's consents. */
@Path("/api/v1/me")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Caller caller;
    private final MeService me;

    public MeResource(Caller caller, MeService me) {
        this.caller = caller;
        this.me = me;
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
    @Operation(
            summary =
                    "The caller, their schools and roles; for a parent their children with a consent summary, for a pupil their own")
    @APIResponse(
            responseCode = "200",
            description =
                    "Who you are; for a parent every child linked to them, each purpose with its title, status and"
                            + " why (people named by relationship), or why they cannot decide for the child",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeView.class)))
    public MeView me() {
        return me.me(caller);
    }
}
