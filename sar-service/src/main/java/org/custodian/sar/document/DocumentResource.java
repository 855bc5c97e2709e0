package org.custodian.sar.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.pagination.PageRequests;
import org.custodian.platform.problems.ProblemException;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.security.Visibility;
import org.custodian.sar.request.RequestStatus;
import org.custodian.sar.request.Requests;
import org.custodian.sar.request.RightsRequest;
import org.custodian.sar.support.Params;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    /** The bytes a document was uploaded with, for the idempotency fingerprint and the response. */
    public record Uploaded(String filename, String mediaType, long sizeBytes, String sha256) {}

    @Inject
    Caller caller;

    @Inject
    PageRequests pageRequests;

    @Inject
    Requests requests;

    @Inject
    Documents documents;

    @Inject
    AuditLog audit;

    @Inject
    IdempotencyKeys idempotency;

    @ConfigProperty(name = "custodian.sar.documents.max-file-size", defaultValue = "10M")
    io.quarkus.runtime.configuration.MemorySize maxFile;

    @ConfigProperty(name = "custodian.sar.documents.max-request-size", defaultValue = "25M")
    io.quarkus.runtime.configuration.MemorySize maxPerRequest;

    @ConfigProperty(name = "custodian.sar.documents.max-files-per-upload", defaultValue = "20")
    int maxFiles;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Transactional
    @Operation(
            summary =
                    "Upload documents to a request (multipart 'file' parts and an optional 'description'); PDF, CSV, JSON, text, PNG, JPEG, GIF")
    @APIResponse(responseCode = "201", description = "The documents stored")
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
        RightsRequest r = requests.get(urn, Params.id(id, "request"));
        if (files == null || files.isEmpty()) {
            throw Problems.invalid("file", "send one or more multipart parts named 'file'");
        }
        if (files.size() > maxFiles) {
            throw Problems.invalid("file", "at most " + maxFiles + " files per upload");
        }
        if (description != null && description.length() > 2000) {
            throw Problems.invalid("description", "at most 2000 characters");
        }
        List<byte[]> contents = new ArrayList<>();
        List<Uploaded> checked = new ArrayList<>();
        long total = documents.totalSize(urn, r.id());
        for (FileUpload file : files) {
            // the name is judged as it will be stored and shown: without format characters that disguise it
            String name = DownloadNames.clean(file.fileName());
            if (file.size() > maxFile.asLongValue()) {
                throw Problems.payloadTooLarge("'" + name + "' is " + file.size() + " bytes; a document may be at most "
                        + maxFile.asLongValue() + " bytes");
            }
            total += file.size();
            if (total > maxPerRequest.asLongValue()) {
                throw Problems.payloadTooLarge("the documents of one request may add up to at most "
                        + maxPerRequest.asLongValue() + " bytes; this upload would make " + total);
            }
            byte[] bytes = read(file);
            ContentSniffer.Result result = ContentSniffer.check(name, file.contentType(), bytes);
            if (!result.accepted()) {
                throw unsupported(result.refusal());
            }
            if (result.type() == ContentType.PDF) {
                readablePdf(name, bytes);
            }
            contents.add(bytes);
            checked.add(new Uploaded(name, result.type().mediaType(), bytes.length, sha256(bytes)));
        }
        return idempotency.execute(
                caller.subject(),
                key,
                "POST /api/v1/schools/" + urn + "/requests/" + id + "/documents",
                new Object[] {checked, description},
                () -> {
                    if (r.status().isClosed()) {
                        throw Problems.conflict("the request is " + r.status() + ": documents can no longer be added");
                    }
                    List<Document> stored = new ArrayList<>();
                    for (int i = 0; i < checked.size(); i++) {
                        Uploaded u = checked.get(i);
                        Document d = new Document(
                                UUID.randomUUID(),
                                r.id(),
                                u.filename(),
                                u.mediaType(),
                                u.sizeBytes(),
                                u.sha256(),
                                description,
                                caller.subject(),
                                Instant.now());
                        documents.insert(urn, d, contents.get(i));
                        stored.add(d);
                        audit.record(
                                caller,
                                urn,
                                r.subject().path(urn),
                                "document.uploaded",
                                AuditEntry.Outcome.SUCCESS,
                                "request " + r.id() + ": " + u.filename() + " (" + u.mediaType() + ", " + u.sizeBytes()
                                        + " bytes, sha256 " + u.sha256() + ")");
                    }
                    return Response.created(URI.create("/api/v1/schools/" + urn + "/requests/" + r.id() + "/documents"))
                            .entity(stored)
                            .type(MediaType.APPLICATION_JSON)
                            .build();
                });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN})
    @Operation(summary = "List a request's documents")
    @APIResponse(responseCode = "200", description = "A page of documents (without content)")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    @APIResponse(responseCode = "404", description = "No such request")
    public Page<Document> list(
            @PathParam("urn") String urn,
            @PathParam("id") String id,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        caller.requireSchool(urn);
        PageRequest page = pageRequests.of(limit, cursor);
        RightsRequest r = requests.get(urn, Params.id(id, "request"));
        return documents.page(urn, r.id(), page);
    }

    @GET
    @Path("{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.DPO, Roles.SCHOOL_ADMIN, Roles.PARENT, Roles.PUPIL})
    @Operation(summary = "Download one document (staff; the requester once the request is completed)")
    @APIResponse(responseCode = "200", description = "The document's bytes with its checked media type")
    @APIResponse(responseCode = "404", description = "No such request or document, or not the caller's")
    public Response content(
            @PathParam("urn") String urn, @PathParam("id") String id, @PathParam("documentId") String documentId) {
        caller.requireSchool(urn);
        RightsRequest r = requests.get(urn, Params.id(id, "request"));
        if (!requests.callerIsStaff() && r.status() != RequestStatus.COMPLETED) {
            throw Problems.notFound("no document with that id");
        }
        Document d = Visibility.orNotFound(documents.find(urn, r.id(), Params.id(documentId, "document")), "document");
        byte[] bytes = documents.content(urn, r.id(), d.id());
        audit.record(
                caller,
                urn,
                r.subject().path(urn),
                "document.downloaded",
                AuditEntry.Outcome.SUCCESS,
                "request " + r.id() + ": " + d.filename());
        return Response.ok(bytes, d.mediaType())
                .header("Content-Disposition", DownloadNames.contentDisposition("attachment", d.filename()))
                .build();
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problems.of(415, "unsupported-media-type", "Unsupported media type", detail));
    }

    private static void readablePdf(String name, byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (pdf.isEncrypted()) {
                throw unsupported(
                        "'" + name
                                + "' is an encrypted PDF: upload it without a password so that it can be included in the response");
            }
        } catch (IOException e) {
            throw unsupported("'" + name + "' starts like a PDF but cannot be read as one (" + e.getMessage() + ")");
        }
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
