package org.custodian.sar.document;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document uploaded to a request, as the API shows it (never its content). */
@Schema(name = "Document")
public record DocumentView(
        UUID id,
        UUID requestId,
        String filename,
        String mediaType,
        long sizeBytes,
        String sha256,
        @Schema(nullable = true) String description,
        String uploadedBy,
        Instant uploadedAt) {

    public static DocumentView of(Document d) {
        return new DocumentView(
                d.id(),
                d.requestId(),
                d.filename(),
                d.mediaType(),
                d.sizeBytes(),
                d.sha256(),
                d.description(),
                d.uploadedBy(),
                d.uploadedAt());
    }
}
