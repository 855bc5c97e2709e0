package org.custodian.accountability.publication;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.custodian.accountability.notice.NoticeJson;
import org.custodian.accountability.notice.NoticeService;
import org.custodian.accountability.notice.NoticeVersion;
import org.custodian.accountability.notice.PupilNoticeRules;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.SchoolUrn;
import org.custodian.platform.time.LegalTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A school's published privacy notice (for parents and carers, and for pupils) and retention schedule, for anyone,
 * without a token, as its website links them ("a copy can be obtained from our website"). Only a published version is
 * ever shown; a school that has published nothing is 404. Each answer carries the version's hash and its form as its
 * {@code ETag}, and may be cached for five minutes.
 */
@Path("/public/v1/schools/{urn}")
@Tag(name = "Public", description = "What a school publishes: no token needed")
@PermitAll
@SecurityRequirements
public class PublicNoticeResource {

    static final String CSV = "text/csv";
    static final String PDF = "application/pdf";
    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private static final CacheControl FIVE_MINUTES = CacheControl.valueOf("public, max-age=300");

    private final NoticeService notices;

    public PublicNoticeResource(NoticeService notices) {
        this.notices = notices;
    }

    @GET
    @Path("privacy-notice")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, PDF})
    @Operation(
            summary = "The school's published privacy notice: a web page, or JSON or a tagged PDF when asked for"
                    + " (Accept)")
    @APIResponse(
            responseCode = "200",
            description = "The version in force",
            content = {
                @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = PublicViews.NoticeView.class)),
                @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent")
    @APIResponse(responseCode = "404", description = "No such school, or it has published nothing")
    public Response notice(
            @PathParam("urn") String urn,
            @QueryParam("format")
                    @Parameter(
                            description = "the form, for a link that cannot set Accept (overrides it)",
                            schema = @Schema(implementation = PublicFormat.class))
                    String format,
            @HeaderParam(HttpHeaders.ACCEPT) String acceptHeader,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String accept = PublicFormat.accept(format, acceptHeader);
        if (wants(accept, PDF)) {
            return answer(
                    urn,
                    ifNoneMatch,
                    "pdf",
                    PDF,
                    v -> NoticePdf.of(
                            NoticeJson.read(v.content()), v.number(), v.hash(), LegalTime.dayOf(v.publishedAt())),
                    v -> "privacy-notice-" + v.schoolUrn() + "-v" + v.number() + ".pdf");
        }
        if (wants(accept, MediaType.APPLICATION_JSON)) {
            return answer(urn, ifNoneMatch, "json", MediaType.APPLICATION_JSON, PublicViews.NoticeView::of);
        }
        return answer(
                urn,
                ifNoneMatch,
                "html",
                HTML,
                v -> NoticePage.notice(
                        NoticeJson.read(v.content()),
                        v.number(),
                        v.hash(),
                        LegalTime.dayOf(v.publishedAt()),
                        v.changes()));
    }

    @GET
    @Path("privacy-notice/for-pupils")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "The published privacy notice in words a pupil of 7 to 11 can follow: a web page, or JSON when"
                    + " asked for (Accept)")
    @APIResponse(
            responseCode = "200",
            description = "The version in force, for pupils",
            content = {
                @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = PublicViews.PupilNoticeView.class))
            })
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent")
    @APIResponse(responseCode = "404", description = "No such school, or it has published nothing")
    public Response forPupils(
            @PathParam("urn") String urn,
            @QueryParam("format")
                    @Parameter(
                            description = "the form, for a link that cannot set Accept (overrides it)",
                            schema = @Schema(implementation = PublicFormat.class))
                    String format,
            @HeaderParam(HttpHeaders.ACCEPT) String acceptHeader,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String accept = PublicFormat.accept(format, acceptHeader);
        if (wants(accept, MediaType.APPLICATION_JSON)) {
            return answer(urn, ifNoneMatch, "pupils-json", MediaType.APPLICATION_JSON, PublicViews.PupilNoticeView::of);
        }
        return answer(
                urn,
                ifNoneMatch,
                "pupils-html",
                HTML,
                v -> PupilPage.of(
                        PupilNoticeRules.of(NoticeJson.read(v.content())),
                        v.number(),
                        LegalTime.dayOf(v.publishedAt())));
    }

    @GET
    @Path("retention-schedule")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The retention schedule the published notice states: a web page, or JSON or CSV (Accept)")
    @APIResponse(
            responseCode = "200",
            description = "The schedule",
            content = {
                @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = PublicViews.ScheduleView.class)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent")
    @APIResponse(responseCode = "404", description = "No such school, or it has published nothing")
    public Response schedule(
            @PathParam("urn") String urn,
            @QueryParam("format")
                    @Parameter(
                            description = "the form, for a link that cannot set Accept (overrides it)",
                            schema = @Schema(implementation = PublicFormat.class))
                    String format,
            @HeaderParam(HttpHeaders.ACCEPT) String acceptHeader,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String accept = PublicFormat.accept(format, acceptHeader);
        if (wants(accept, MediaType.APPLICATION_JSON)) {
            return answer(urn, ifNoneMatch, "schedule-json", MediaType.APPLICATION_JSON, PublicViews.ScheduleView::of);
        }
        if (wants(accept, CSV)) {
            return answer(
                    urn,
                    ifNoneMatch,
                    "schedule-csv",
                    CSV + ";charset=utf-8",
                    v -> ScheduleCsv.of(NoticeJson.read(v.content())));
        }
        return answer(
                urn,
                ifNoneMatch,
                "schedule-html",
                HTML,
                v -> NoticePage.schedule(NoticeJson.read(v.content()), v.number(), LegalTime.dayOf(v.publishedAt())));
    }

    /** Whether the caller asked for {@code type} and not for a web page (a browser, or anyone else, gets the page). */
    private static boolean wants(String accept, String type) {
        return accept != null && accept.contains(type) && !accept.contains(MediaType.TEXT_HTML);
    }

    private Response answer(
            String urn, String ifNoneMatch, String form, String type, Function<NoticeVersion, Object> body) {
        return answer(urn, ifNoneMatch, form, type, body, null);
    }

    /** The answer in one form; {@code filename}, when there is one, names it for a reader who saves it. */
    private Response answer(
            String urn,
            String ifNoneMatch,
            String form,
            String type,
            Function<NoticeVersion, Object> body,
            Function<NoticeVersion, String> filename) {
        if (!SchoolUrn.isValid(urn)) {
            throw Problems.notFound("no school " + urn + " (a URN is six digits)");
        }
        NoticeVersion version = notices.current(urn);
        EntityTag tag = new EntityTag(version.hash() + "-" + form);
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(tag.toString()) || ifNoneMatch.trim().equals("*"))) {
            return Response.notModified(tag).cacheControl(FIVE_MINUTES).build();
        }
        Response.ResponseBuilder ok =
                Response.ok(body.apply(version), type).tag(tag).cacheControl(FIVE_MINUTES);
        if (filename != null) {
            ok.header("Content-Disposition", "inline; filename=\"" + filename.apply(version) + "\"");
        }
        return ok.build();
    }
}
