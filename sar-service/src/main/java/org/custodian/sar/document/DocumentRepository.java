package org.custodian.sar.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.persistence.SchoolScopedId;

/** The documents of a request, school first; their content stays in the database until it is read. */
@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, SchoolScopedId> {

    public Optional<Document> findInRequest(String urn, UUID requestId, UUID id) {
        return findByIdOptional(SchoolScopedId.of(urn, id))
                .filter(d -> d.requestId().equals(requestId));
    }

    /** A page of a request's documents in upload order. */
    public Page<Document> pageOfRequest(String urn, UUID requestId, PageRequest page) {
        Parameters params = Parameters.with("urn", urn).and("request", requestId);
        String query = "schoolUrn = :urn and requestId = :request";
        if (!page.isFirst()) {
            query += " and seq > :after";
            params = params.and("after", page.afterLong(0));
        }
        List<Document> rows = find(query + " order by seq", params)
                .range(0, page.fetchSize() - 1)
                .list();
        return Page.fromRows(rows, page, d -> List.of(Long.toString(d.seq())));
    }

    /** Every document of a request, oldest first (a request has at most a few dozen, within its size limit). */
    public List<Document> allOfRequest(String urn, UUID requestId) {
        return list(
                "schoolUrn = :urn and requestId = :request order by seq",
                Parameters.with("urn", urn).and("request", requestId));
    }

    public long totalSize(String urn, UUID requestId) {
        return getEntityManager()
                .createQuery(
                        "select coalesce(sum(d.sizeBytes), 0) from Document d"
                                + " where d.schoolUrn = :urn and d.requestId = :request",
                        Long.class)
                .setParameter("urn", urn)
                .setParameter("request", requestId)
                .getSingleResult();
    }

    /** One document's bytes, without loading the rest of it. */
    public byte[] content(String urn, UUID requestId, UUID id) {
        return getEntityManager()
                .createQuery(
                        "select d.content from Document d"
                                + " where d.schoolUrn = :urn and d.requestId = :request and d.id = :id",
                        byte[].class)
                .setParameter("urn", urn)
                .setParameter("request", requestId)
                .setParameter("id", id)
                .getSingleResult();
    }

    public Optional<Instant> lastUpload(String urn, UUID requestId) {
        return Optional.ofNullable(getEntityManager()
                .createQuery(
                        "select max(d.uploadedAt) from Document d where d.schoolUrn = :urn and d.requestId = :request",
                        Instant.class)
                .setParameter("urn", urn)
                .setParameter("request", requestId)
                .getSingleResult());
    }
}
