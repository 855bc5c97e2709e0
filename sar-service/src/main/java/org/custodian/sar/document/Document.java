package org.custodian.sar.document;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.custodian.platform.persistence.SchoolScopedEntity;
import org.custodian.platform.persistence.SchoolScopedId;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A document uploaded to a request. Its content is loaded only when {@link #content()} is read (a lazy attribute:
 * lists and the bundle's index never carry the bytes). Never an API body: see {@link DocumentView}.
 */
@Entity
@Table(name = "request_document")
@IdClass(SchoolScopedId.class)
public class Document extends SchoolScopedEntity {

    @Column(name = "request_id")
    private UUID requestId;

    /** The upload order, assigned by the database (the list's cursor). */
    @Column(insertable = false, updatable = false)
    private Long seq;

    private String filename;

    @Column(name = "media_type")
    private String mediaType;

    @Column(name = "size_bytes")
    private long sizeBytes;

    @Column(length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String sha256;

    private String description;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected Document() {}

    private Document(String schoolUrn, UUID id) {
        super(schoolUrn, id);
    }

    /** A checked upload, ready to store. */
    public static Document uploaded(
            String schoolUrn,
            UUID requestId,
            String filename,
            String mediaType,
            String sha256,
            String description,
            byte[] content,
            String uploadedBy,
            Instant uploadedAt) {
        Document d = new Document(schoolUrn, UUID.randomUUID());
        d.requestId = requestId;
        d.filename = filename;
        d.mediaType = mediaType;
        d.sizeBytes = content.length;
        d.sha256 = sha256;
        d.description = description;
        d.content = content;
        d.uploadedBy = uploadedBy;
        d.uploadedAt = uploadedAt;
        return d;
    }

    public UUID requestId() {
        return requestId;
    }

    public Long seq() {
        return seq;
    }

    public String filename() {
        return filename;
    }

    public String mediaType() {
        return mediaType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public String description() {
        return description;
    }

    /** The bytes (read from the database on first use). */
    public byte[] content() {
        return content;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
