package org.custodian.accountability.notice;

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
import java.util.Map;
import org.custodian.accountability.notice.NoticeViews.DraftView;
import org.custodian.accountability.notice.NoticeViews.StatusView;
import org.custodian.accountability.notice.NoticeViews.VersionSummaryView;
import org.custodian.accountability.notice.NoticeViews.VersionView;
import org.custodian.platform.http.ETags;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The school's privacy notice (UK GDPR Arts. 13–14): the published version, every version, the DPO's draft and its
 * publication, and whether the published version still describes what the school does.
 */
@Path("/api/v1/schools/{urn}/privacy-notice")
@Tag(name = "Privacy notice", description = "Generated from the facts the suite enforces, versioned and published")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoticeResource {

    private final Caller caller;
    private final NoticeService notices;
    private final PageRequests pageRequests;
    private final IdempotencyKeys idempotency;

    public NoticeResource(
            Caller caller, NoticeService notices, PageRequests pageRequests, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.notices = notices;
        this.pageRequests = pageRequests;
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
    @Operation(summary = "Read the school's published privacy notice (its ETag is the version's hash)")
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
        return answer(VersionView.of(notices.current(urn)));
    }

    @GET
    @Path("versions")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "List the published versions, newest first")
    @APIResponse(responseCode = "200", description = "A page of versions")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<VersionSummaryView> versions(
            @PathParam("urn") String urn, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        return notices.versions(urn, pageRequests.of(limit, cursor)).map(VersionSummaryView::of);
    }

    @GET
    @Path("versions/{version}")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Read one published version, exactly as it was published")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "The version is not a number")
    @APIResponse(responseCode = "404", description = "No such version")
    public Response version(@PathParam("urn") String urn, @PathParam("version") String version) {
        caller.requireSchool(urn);
        return answer(VersionView.of(notices.version(urn, Params.integer("version", version, 1, Integer.MAX_VALUE))));
    }

    @GET
    @Path("draft")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Read the draft: the notice the facts make now, with the DPO's words (ETag for If-Match)")
    @APIResponse(
            responseCode = "200",
            description = "The draft",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DraftView.class)))
    public Response draft(@PathParam("urn") String urn) {
        caller.requireSchool(urn);
        NoticeService.Draft draft = notices.draft(urn);
        return Response.ok(DraftView.of(urn, draft))
                .header(HttpHeaders.ETAG, ETags.of(draft.version()))
                .build();
    }

    @PUT
    @Path("draft")
    @RolesAllowed(Roles.DPO)
    @Operation(
            summary =
                    "Write the DPO's words in the draft (send If-Match with the draft's ETag; \"0\" before the first)")
    @APIResponse(
            responseCode = "200",
            description = "The draft with the new words",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "400", description = "Too long, or an explanation for a section that is not generated")
    @APIResponse(responseCode = "412", description = "The draft changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response editDraft(
            @PathParam("urn") String urn,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DraftRequest request) {
        caller.requireSchool(urn);
        NoticeService.Draft draft = notices.editDraft(
                caller,
                urn,
                ifMatch,
                new NoticeService.DraftEdit(
                        request.introduction(),
                        request.localExplanations() == null ? Map.of() : request.localExplanations(),
                        request.automatedDecisions(),
                        request.securityMeasures()));
        return Response.ok(DraftView.of(urn, draft))
                .header(HttpHeaders.ETAG, ETags.of(draft.version()))
                .build();
    }

    @POST
    @Path("draft/publication")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Publish the draft as the next version (immutable; emits notice.published)")
    @APIResponse(
            responseCode = "201",
            description = "The new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Nothing new to publish, the school is not set up yet, or the Idempotency-Key was used with"
                    + " another request")
    public Response publish(@PathParam("urn") String urn, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        caller.requireSchool(urn);
        return idempotency.execute(
                caller.subject(),
                key,
                "POST /api/v1/schools/" + urn + "/privacy-notice/draft/publication",
                Map.of(),
                () -> {
                    NoticeVersion v = notices.publish(caller, urn);
                    return Response.created(
                                    URI.create("/api/v1/schools/" + urn + "/privacy-notice/versions/" + v.number()))
                            .header(HttpHeaders.ETAG, "\"" + v.hash() + "\"")
                            .entity(VersionView.of(v))
                            .build();
                });
    }

    @GET
    @Path("status")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Whether the published notice still describes what the school does, and every difference")
    @APIResponse(
            responseCode = "200",
            description = "CURRENT, OUTDATED (with the differences and the facts that caused them) or NOT_PUBLISHED",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StatusView.class)))
    public Response status(@PathParam("urn") String urn) {
        caller.requireSchool(urn);
        return Response.ok(StatusView.of(notices.status(urn))).build();
    }

    /** A version, with its hash as the ETag. */
    static Response answer(VersionView v) {
        return Response.ok(v).header(HttpHeaders.ETAG, "\"" + v.hash() + "\"").build();
    }
}
