package org.custodian.sar.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.sar.document.DownloadNames;
import org.custodian.sar.request.RequestStatus;
import org.custodian.sar.request.Requests;
import org.custodian.sar.request.RightsRequest;
import org.custodian.sar.review.ReleaseRules;
import org.custodian.sar.support.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The response to an access, portability or educational-record request: assembled from the services' exports and
 * the uploaded documents, read as JSON (machine-readable) or as a PDF a parent can read. Every read is audited.
 */
@Path("/api/v1/schools/{urn}/requests/{id}")
@Tag(name = "Responses", description = "The Art. 15 response bundle: JSON and PDF")
public class BundleResource {

    public record SourceStatus(String source, String status, String error) {}

    /**
     * What an assembly gave: which sources answered, which are missing ({@code complete}: every source present or
     * waived), how many items name other people and how many of those wait for the DPO ({@code pendingReview}). The
     * request can be completed when it is complete and nothing waits.
     */
    public record BundleStatus(
            UUID requestId,
            Instant assembledAt,
            boolean complete,
            List<SourceStatus> sources,
            List<String> missingSources,
            List<ResponseContent.Waiver> waivers,
            int documents,
            int reviewItems,
            long pendingReview,
            int pdfBytes,
            String json,
            String pdf,
            String reviewItemsAt,
            Timings timings) {}

    /** How long the assembly just run took: asking the sources, building the JSON, rendering the PDF. */
    public record Timings(long sourcesMillis, long jsonMillis, long pdfMillis) {}

    public record WaiverInput(
            @NotBlank @Size(max = 50) String source,
            @NotBlank @Size(max = 5000) String reason) {}

    @Inject
    Caller caller;

    @Inject
    Requests requests;

    @Inject
    BundleService bundleService;

    @Inject
    Bundles bundles;

    @Inject
    AuditLog audit;

    @Inject
    IdempotencyKeys idempotency;

    @POST
    @Path("bundle")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "Assemble (again) the response: each service's export of the child, the uploaded documents and the Art. 15 information, as JSON and PDF")
    @APIResponse(
            responseCode = "200",
            description = "What was assembled and which sources are missing; re-running replaces it")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(
            responseCode = "409",
            description = "Not an access, portability or educational-record request, or not in progress")
    public BundleStatus assemble(@PathParam("urn") String urn, @PathParam("id") String id) {
        caller.requireSchool(urn);
        RightsRequest r = requests.get(urn, Params.id(id, "request"));
        BundleService.Assembly assembly = bundleService.assemble(r);
        return status(urn, r.id(), new Timings(assembly.sourcesMillis(), assembly.jsonMillis(), assembly.pdfMillis()));
    }

    @GET
    @Path("bundle")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARENT, Roles.PUPIL})
    @Operation(
            summary =
                    "Read the response as JSON (machine-readable; the portability format); the requester once the request is completed")
    @APIResponse(
            responseCode = "200",
            description = "The Art. 15 response. Staff read it whole, with what it says about other people and "
                    + "the DPO's decisions (thirdParties); the requester reads their copy, with each such mention released, redacted or withheld "
                    + "as decided and a list of what was kept back under which exemption (withheld)")
    @APIResponse(responseCode = "404", description = "No such request, not the caller's, or no response yet")
    public Response json(@PathParam("urn") String urn, @PathParam("id") String id) {
        caller.requireSchool(urn);
        RightsRequest r = readable(urn, id);
        Bundles.Stored stored = bundles.find(urn, r.id())
                .orElseThrow(() -> Problems.notFound("no response has been assembled for that request"));
        JsonNode content =
                requests.callerIsStaff() ? bundleService.current(stored, urn) : bundleService.released(stored, urn);
        recordDownload(urn, r, "bundle.read", "JSON");
        return Response.ok(content, MediaType.APPLICATION_JSON)
                .header(
                        "Content-Disposition",
                        DownloadNames.contentDisposition("inline", "response-" + r.id() + ".json"))
                .build();
    }

    @GET
    @Path("bundle.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARENT, Roles.PUPIL})
    @Operation(
            summary =
                    "Download the response as a PDF a parent can read, as the requester receives it (every decision on what it says "
                            + "about other people applied); the requester once the request is completed")
    @APIResponse(responseCode = "200", description = "The PDF")
    @APIResponse(responseCode = "404", description = "No such request, not the caller's, or no response yet")
    public Response pdf(@PathParam("urn") String urn, @PathParam("id") String id) {
        caller.requireSchool(urn);
        RightsRequest r = readable(urn, id);
        byte[] pdf = bundles.pdf(urn, r.id())
                .orElseThrow(() -> Problems.notFound("no response has been assembled for that request"));
        recordDownload(urn, r, "bundle.downloaded", "PDF, " + pdf.length + " bytes");
        return Response.ok(pdf, "application/pdf")
                .header(
                        "Content-Disposition",
                        DownloadNames.contentDisposition("attachment", "response-" + r.id() + ".pdf"))
                .build();
    }

    @POST
    @Path("bundle/waivers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    @Transactional
    @Operation(summary = "Record why the response may be completed without a source that did not answer")
    @APIResponse(responseCode = "200", description = "The response's status with the waiver")
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(
            responseCode = "409",
            description = "No response yet, the source is not missing, already waived, or the request is closed")
    public Response waive(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull WaiverInput body) {
        caller.requireSchool(urn);
        RightsRequest r = requests.get(urn, Params.id(id, "request"));
        return idempotency.execute(
                caller.subject(),
                key,
                "POST /api/v1/schools/" + urn + "/requests/" + id + "/bundle/waivers",
                body,
                () -> {
                    if (r.status().isClosed()) {
                        throw Problems.conflict("the request is " + r.status());
                    }
                    Bundles.Stored stored = bundles.find(urn, r.id())
                            .orElseThrow(() -> Problems.conflict("no response has been assembled yet"));
                    if (!stored.missingSources().contains(body.source())) {
                        throw Problems.conflict("'" + body.source() + "' is not missing from the response (missing: "
                                + (stored.missingSources().isEmpty()
                                        ? "none"
                                        : String.join(", ", stored.missingSources()))
                                + ")");
                    }
                    if (!bundles.waive(urn, r.id(), body.source(), body.reason(), caller.subject())) {
                        throw Problems.conflict("'" + body.source() + "' was already waived");
                    }
                    audit.record(
                            caller,
                            urn,
                            r.subject().path(urn),
                            "bundle.waiver",
                            AuditEntry.Outcome.SUCCESS,
                            "request " + r.id() + ": completes without " + body.source() + ": " + body.reason());
                    return Response.ok(status(urn, r.id(), null)).build();
                });
    }

    /** Staff may read an assembled response at any time; the requester once the request is completed. */
    private RightsRequest readable(String urn, String id) {
        RightsRequest r = requests.get(urn, Params.id(id, "request"));
        if (!requests.callerIsStaff() && r.status() != RequestStatus.COMPLETED) {
            throw Problems.notFound("the response to that request is not ready yet");
        }
        return r;
    }

    private void recordDownload(String urn, RightsRequest r, String action, String what) {
        audit.record(
                caller,
                urn,
                r.subject().path(urn),
                action,
                AuditEntry.Outcome.SUCCESS,
                "request " + r.id() + ": " + what);
    }

    private BundleStatus status(String urn, UUID requestId, Timings timings) {
        Bundles.Stored stored = bundles.find(urn, requestId).orElseThrow();
        JsonNode content = bundleService.current(stored, urn);
        List<SourceStatus> sources = new java.util.ArrayList<>();
        content.path("sources")
                .forEach(s -> sources.add(new SourceStatus(
                        s.path("source").asText(),
                        s.path("status").asText(),
                        s.hasNonNull("error") ? s.path("error").asText() : null)));
        String base = "/api/v1/schools/" + urn + "/requests/" + requestId;
        JsonNode review = content.path(ReleaseRules.STAFF_SECTION);
        return new BundleStatus(
                requestId,
                stored.assembledAt(),
                content.path("complete").asBoolean(),
                sources,
                stored.missingSources(),
                bundles.waivers(urn, requestId),
                content.path("documents").size(),
                review.path("items").size(),
                review.path("pendingReview").asLong(),
                stored.pdfBytes(),
                base + "/bundle",
                base + "/bundle.pdf",
                base + "/bundle/review-items",
                timings);
    }
}
