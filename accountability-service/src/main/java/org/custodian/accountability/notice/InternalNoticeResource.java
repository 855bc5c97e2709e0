package org.custodian.accountability.notice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.custodian.accountability.notice.NoticeViews.VersionView;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The school's published notice for the other services (sar-service's response bundles, refusals and complaint
 * answers repeat what it promises and name its version), with a service token, never through the gateway.
 */
@Path("/internal/v1/schools/{urn}/privacy-notice")
@Tag(name = "Internal")
@Produces(MediaType.APPLICATION_JSON)
public class InternalNoticeResource {

    private final Caller caller;
    private final NoticeService notices;

    public InternalNoticeResource(Caller caller, NoticeService notices) {
        this.caller = caller;
        this.notices = notices;
    }

    @GET
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "The published notice in force, for another service of the suite")
    @APIResponse(
            responseCode = "200",
            description = "The version in force",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "404", description = "The school has published no notice")
    public Response current(@PathParam("urn") String urn) {
        caller.requireSchool(urn);
        return NoticeResource.answer(VersionView.of(notices.current(urn)));
    }
}
