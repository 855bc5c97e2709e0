package org.custodian.sar.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;

/** Persistence of uploaded documents; content is read only when it is needed. */
@ApplicationScoped
public class DocumentQueries {

    private static final String COLUMNS =
            "id, request_id, filename, media_type, size_bytes, sha256, description, uploaded_by, uploaded_at, seq";

    private record Listed(Document document, long seq) {}

    private final Jdbc sql;

    @Inject
    public DocumentQueries(Jdbc sql) {
        this.sql = sql;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(String urn, Document d, byte[] content) {
        sql.update(
                """
                INSERT INTO request_document (school_urn, request_id, id, filename, media_type, size_bytes, sha256, description,
                    content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                urn,
                d.requestId(),
                d.id(),
                d.filename(),
                d.mediaType(),
                d.sizeBytes(),
                d.sha256(),
                d.description(),
                content,
                d.uploadedBy(),
                OffsetDateTime.ofInstant(d.uploadedAt(), java.time.ZoneOffset.UTC));
    }

    @Transactional
    public long totalSize(String urn, UUID requestId) {
        return sql.count(
                "SELECT coalesce(sum(size_bytes), 0) FROM request_document WHERE school_urn = ? AND request_id = ?",
                urn,
                requestId);
    }

    @Transactional
    public Page<Document> page(String urn, UUID requestId, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(urn, requestId));
        String after = "";
        if (!page.isFirst()) {
            after = " AND seq > ?";
            params.add(page.afterLong(0));
        }
        params.add(page.fetchSize());
        List<Listed> rows = sql.list(
                "SELECT " + COLUMNS + " FROM request_document WHERE school_urn = ? AND request_id = ?" + after
                        + " ORDER BY seq LIMIT ?",
                r -> new Listed(read(r), r.getLong("seq")),
                params.toArray());
        return Page.fromRows(rows, page, l -> List.of(Long.toString(l.seq()))).map(Listed::document);
    }

    /** Every document of a request, oldest first (a request has at most a few dozen, within its size limit). */
    @Transactional
    public List<Document> all(String urn, UUID requestId) {
        return sql.list(
                "SELECT " + COLUMNS + " FROM request_document WHERE school_urn = ? AND request_id = ? ORDER BY seq",
                DocumentQueries::read,
                urn,
                requestId);
    }

    @Transactional
    public Optional<Document> find(String urn, UUID requestId, UUID id) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM request_document WHERE school_urn = ? AND request_id = ? AND id = ?",
                DocumentQueries::read,
                urn,
                requestId,
                id);
    }

    @Transactional
    public byte[] content(String urn, UUID requestId, UUID id) {
        return sql.one(
                        "SELECT content FROM request_document WHERE school_urn = ? AND request_id = ? AND id = ?",
                        r -> r.getBytes(1),
                        urn,
                        requestId,
                        id)
                .orElseThrow();
    }

    @Transactional
    public Optional<Instant> lastUpload(String urn, UUID requestId) {
        return sql.one(
                        "SELECT max(uploaded_at) FROM request_document WHERE school_urn = ? AND request_id = ?",
                        r -> r.getObject(1, OffsetDateTime.class),
                        urn,
                        requestId)
                .map(o -> o == null ? null : o.toInstant());
    }

    private static Document read(java.sql.ResultSet r) throws java.sql.SQLException {
        return new Document(
                r.getObject("id", UUID.class),
                r.getObject("request_id", UUID.class),
                r.getString("filename"),
                r.getString("media_type"),
                r.getLong("size_bytes"),
                r.getString("sha256"),
                r.getString("description"),
                r.getString("uploaded_by"),
                r.getObject("uploaded_at", OffsetDateTime.class).toInstant());
    }
}
