package org.custodian.sar.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.ProblemException;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Visibility;
import org.custodian.sar.config.SarConfig;
import org.custodian.sar.request.RequestService;
import org.custodian.sar.request.RequestStatus;
import org.custodian.sar.request.RightsRequest;

/**
 * The documents staff upload to a request: checked by content and size before they are stored, listed, and downloaded
 * by staff or, once the request is completed, by the requester; every upload and download audited.
 */
@ApplicationScoped
@Transactional
public class DocumentService {

    /** A file as it arrived: the name the client gave, the type it declared, its size and where its bytes wait. */
    public record Incoming(String fileName, String contentType, long size, Path file) {}

    /** The bytes a document was uploaded with, for the idempotency fingerprint and the response. */
    public record Uploaded(String filename, String mediaType, long sizeBytes, String sha256) {}

    /** An upload that passed every check, ready to store. */
    public record CheckedUpload(UUID requestId, List<Uploaded> files, List<byte[]> contents, String description) {}

    /** A document's bytes to send. */
    public record Download(String filename, String mediaType, byte[] bytes) {}

    private final Caller caller;
    private final RequestService requests;
    private final DocumentRepository documents;
    private final AuditLog audit;
    private final SarConfig.Documents limits;
    private final Clock clock;

    public DocumentService(
            Caller caller,
            RequestService requests,
            DocumentRepository documents,
            AuditLog audit,
            SarConfig config,
            Clock clock) {
        this.caller = caller;
        this.requests = requests;
        this.documents = documents;
        this.audit = audit;
        this.limits = config.documents();
        this.clock = clock;
    }

    /** Checks an upload (the request exists and is the caller's to change, limits, types by content) before storing it. */
    public CheckedUpload check(String urn, UUID requestId, List<Incoming> files, String description) {
        RightsRequest r = requests.get(urn, requestId);
        if (files == null || files.isEmpty()) {
            throw Problems.invalid("file", "send one or more multipart parts named 'file'");
        }
        if (files.size() > limits.maxFilesPerUpload()) {
            throw Problems.invalid("file", "at most " + limits.maxFilesPerUpload() + " files per upload");
        }
        if (description != null && description.length() > 2000) {
            throw Problems.invalid("description", "at most 2000 characters");
        }
        long maxFile = limits.maxFileSize().asLongValue();
        long maxPerRequest = limits.maxRequestSize().asLongValue();
        List<byte[]> contents = new ArrayList<>();
        List<Uploaded> checked = new ArrayList<>();
        long total = documents.totalSize(urn, r.id());
        for (Incoming file : files) {
            // the name is judged as it will be stored and shown: without format characters that disguise it
            String name = DownloadNames.clean(file.fileName());
            if (file.size() > maxFile) {
                throw Problems.payloadTooLarge(
                        "'" + name + "' is " + file.size() + " bytes; a document may be at most " + maxFile + " bytes");
            }
            total += file.size();
            if (total > maxPerRequest) {
                throw Problems.payloadTooLarge("the documents of one request may add up to at most " + maxPerRequest
                        + " bytes; this upload would make " + total);
            }
            byte[] bytes = read(file.file());
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
        return new CheckedUpload(r.id(), List.copyOf(checked), List.copyOf(contents), description);
    }

    /** Stores a checked upload, unless the request has closed since. */
    public List<DocumentView> store(String urn, CheckedUpload upload) {
        RightsRequest r = requests.get(urn, upload.requestId());
        if (r.status().isClosed()) {
            throw Problems.conflict("the request is " + r.status() + ": documents can no longer be added");
        }
        List<DocumentView> stored = new ArrayList<>();
        for (int i = 0; i < upload.files().size(); i++) {
            Uploaded u = upload.files().get(i);
            Document d = Document.uploaded(
                    urn,
                    r.id(),
                    u.filename(),
                    u.mediaType(),
                    u.sha256(),
                    upload.description(),
                    upload.contents().get(i),
                    caller.subject(),
                    clock.instant());
            documents.persist(d);
            stored.add(DocumentView.of(d));
            audit.record(
                    caller,
                    urn,
                    r.subject().path(urn),
                    "document.uploaded",
                    AuditEntry.Outcome.SUCCESS,
                    "request " + r.id() + ": " + u.filename() + " (" + u.mediaType() + ", " + u.sizeBytes()
                            + " bytes, sha256 " + u.sha256() + ")");
        }
        return stored;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DocumentView> list(String urn, UUID requestId, PageRequest page) {
        RightsRequest r = requests.get(urn, requestId);
        return documents.pageOfRequest(urn, r.id(), page).map(DocumentView::of);
    }

    /** A document's bytes: staff at any time, the requester once the request is completed; audited. */
    public Download content(String urn, UUID requestId, UUID documentId) {
        RightsRequest r = requests.get(urn, requestId);
        if (!requests.callerIsStaff() && r.status() != RequestStatus.COMPLETED) {
            throw Problems.notFound("no document with that id");
        }
        Document d = Visibility.orNotFound(documents.findInRequest(urn, r.id(), documentId), "document");
        byte[] bytes = d.content();
        audit.record(
                caller,
                urn,
                r.subject().path(urn),
                "document.downloaded",
                AuditEntry.Outcome.SUCCESS,
                "request " + r.id() + ": " + d.filename());
        return new Download(d.filename(), d.mediaType(), bytes);
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

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
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
