package org.custodian.sar.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.http.Params;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Documents staff upload to a request: the educational record, letters, records kept outside the suite. Multipart,
 * PDF, CSV, JSON, text and images only, the type checked by content; a size limit per file and per request.
 */
@Path("/api/v1/schools/{urn}/requests/{id}/documents")
@Tag(name = "Responses")
public class DocumentResource {

    private final Caller caller;
    private final PageRequests pageRequests;
    private final DocumentService documents;
    private final IdempotencyKeys idempotency;

    public DocumentResource(
            Caller caller, PageRequests pageRequests, DocumentService documents, IdempotencyKeys idempotency) {
        this.caller = caller;
        this.pageRequests = pageRequests;
        this.documents = documents;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(
            summary =
                    "Upload documents to a request (multipart 'file' parts and an optional 'description'); PDF, CSV, JSON, text, PNG, JPEG, GIF")
    @APIResponse(
            responseCode = "201",
            description = "The documents stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "No file part, or too many")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "The request is closed")
    @APIResponse(
            responseCode = "413",
            description = "A file over the per-file limit, or the request's documents over the per-request limit")
    @APIResponse(
            responseCode = "415",
            description = "A type that is not accepted, or content that is not what the name or declared type says")
    public Response upload(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @RestForm("file") List<FileUpload> files,
            @RestForm("description") String description) {
        caller.requireSchool(urn);
        UUID requestId = Params.pathId(id, "request");
        List<DocumentService.Incoming> incoming = files == null
                ? null
                : files.stream()
                        .map(f ->
                                new DocumentService.Incoming(f.fileName(), f.contentType(), f.size(), f.uploadedFile()))
                        .toList();
        DocumentService.CheckedUpload upload = documents.check(urn, requestId, incoming, description);
        return idempotency.execute(
                caller.subject(),
                key,
                "POST /api/v1/schools/" + urn + "/requests/" + id + "/documents",
                new Object[] {upload.files(), description},
                () -> Response.created(URI.create("/api/v1/schools/" + urn + "/requests/" + requestId + "/documents"))
                        .entity(documents.store(urn, upload))
                        .type(MediaType.APPLICATION_JSON)
                        .build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "List a request's documents")
    @APIResponse(responseCode = "200", description = "A page of documents (without content)")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    @APIResponse(responseCode = "404", description = "No such request")
    public DocumentPage list(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        return DocumentPage.of(documents.list(urn, Params.pathId(id, "request"), page));
    }

    @GET
    @Path("{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARENT, Roles.PUPIL})
    @Operation(summary = "Download one document (staff; the requester once the request is completed)")
    @APIResponse(
            responseCode = "200",
            description = "The document's bytes with its checked media type",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such request or document, or not the caller's")
    public Response content(
            @PathParam("urn") String urn, @PathParam("id") String id, @PathParam("documentId") String documentId) {
        caller.requireSchool(urn);
        DocumentService.Download d =
                documents.content(urn, Params.pathId(id, "request"), Params.pathId(documentId, "document"));
        return Response.ok(d.bytes(), d.mediaType())
                .header("Content-Disposition", DownloadNames.contentDisposition("attachment", d.filename()))
                .build();
    }
}
