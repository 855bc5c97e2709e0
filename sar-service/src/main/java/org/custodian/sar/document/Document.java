package org.custodian.sar.document;

import java.time.Instant;
import java.util.UUID;

/** A document uploaded to a request (its content is loaded separately). */
public record Document(
        UUID id,
        UUID requestId,
        String filename,
        String mediaType,
        long sizeBytes,
        String sha256,
        String description,
        String uploadedBy,
        Instant uploadedAt) {}
