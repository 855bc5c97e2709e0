package org.custodian.sar.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.sar.bundle.BundleDtos.BundleStatus;
import org.custodian.sar.bundle.BundleDtos.WaiverInput;
import org.custodian.sar.document.DownloadNames;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The response to an access, portability or educational-record request: assembled from the services' exports and
 * the uploaded documents, read as JSON (machine-readable) or as a PDF a parent can read. Every read is audited.
 */
@Path("/api/v1/schools/{urn}/requests/{id}")
@Tag(name = "Responses", description = "The Art. 15 response bundle: JSON and PDF")
public class BundleResource {

    private final Caller caller;
    private final BundleService bundles;
    private final IdempotencyKeys idempotency;

    public BundleResource(Caller caller, BundleService bundles, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.bundles = bundles;
        this.idempotency = idempotency;
    }

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
        return bundles.assemble(urn, Params.pathId(id, "request"));
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
                    + "as decided and a list of what was kept back under which exemption (withheld)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description =
                                                    "The Art. 15 response document (format custodian.sar.response/v1); each source's data is that service's subject export",
                                            additionalProperties = Schema.True.class,
                                            requiredProperties = {
                                                "format",
                                                "requestId",
                                                "requestType",
                                                "generatedAt",
                                                "controller",
                                                "subject",
                                                "requester",
                                                "receivedOn",
                                                "sources",
                                                "missingSources",
                                                "waivers",
                                                "complete",
                                                "documents",
                                                "information"
                                            },
                                            properties = {
                                                @SchemaProperty(name = "format", type = SchemaType.STRING),
                                                @SchemaProperty(
                                                        name = "requestId",
                                                        type = SchemaType.STRING,
                                                        format = "uuid"),
                                                @SchemaProperty(name = "requestType", type = SchemaType.STRING),
                                                @SchemaProperty(
                                                        name = "generatedAt",
                                                        type = SchemaType.STRING,
                                                        format = "date-time"),
                                                @SchemaProperty(name = "controller", type = SchemaType.OBJECT),
                                                @SchemaProperty(name = "subject", type = SchemaType.OBJECT),
                                                @SchemaProperty(name = "requester", type = SchemaType.OBJECT),
                                                @SchemaProperty(
                                                        name = "receivedOn",
                                                        type = SchemaType.STRING,
                                                        format = "date"),
                                                @SchemaProperty(
                                                        name = "dueOn",
                                                        type = SchemaType.STRING,
                                                        format = "date"),
                                                @SchemaProperty(
                                                        name = "sources",
                                                        type = SchemaType.ARRAY,
                                                        implementation = Object.class),
                                                @SchemaProperty(
                                                        name = "missingSources",
                                                        type = SchemaType.ARRAY,
                                                        implementation = String.class),
                                                @SchemaProperty(
                                                        name = "waivers",
                                                        type = SchemaType.ARRAY,
                                                        implementation = Object.class),
                                                @SchemaProperty(name = "complete", type = SchemaType.BOOLEAN),
                                                @SchemaProperty(
                                                        name = "documents",
                                                        type = SchemaType.ARRAY,
                                                        implementation = Object.class),
                                                @SchemaProperty(name = "information", type = SchemaType.OBJECT)
                                            })))
    @APIResponse(responseCode = "404", description = "No such request, not the caller's, or no response yet")
    public Response json(@PathParam("urn") String urn, @PathParam("id") String id) {
        caller.requireSchool(urn);
        UUID requestId = Params.pathId(id, "request");
        JsonNode content = bundles.json(urn, requestId);
        return Response.ok(content, MediaType.APPLICATION_JSON)
                .header(
                        "Content-Disposition",
                        DownloadNames.contentDisposition("inline", "response-" + requestId + ".json"))
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
    @APIResponse(
            responseCode = "200",
            description = "The PDF",
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such request, not the caller's, or no response yet")
    public Response pdf(@PathParam("urn") String urn, @PathParam("id") String id) {
        caller.requireSchool(urn);
        UUID requestId = Params.pathId(id, "request");
        byte[] pdf = bundles.pdf(urn, requestId);
        return Response.ok(pdf, "application/pdf")
                .header(
                        "Content-Disposition",
                        DownloadNames.contentDisposition("attachment", "response-" + requestId + ".pdf"))
                .build();
    }

    @POST
    @Path("bundle/waivers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Record why the response may be completed without a source that did not answer")
    @APIResponse(
            responseCode = "200",
            description = "The response's status with the waiver",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BundleStatus.class)))
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
        UUID requestId = Params.pathId(id, "request");
        bundles.requireVisible(urn, requestId);
        return idempotency.execute(
                caller.subject(),
                key,
                "POST /api/v1/schools/" + urn + "/requests/" + id + "/bundle/waivers",
                body,
                () -> Response.ok(bundles.waive(urn, requestId, body)).build());
    }
}
