package org.custodian.retention.disposal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.persistence.SchoolScopedId;

/** Disposal batches with their items, school first. */
@ApplicationScoped
public class DisposalBatchRepository implements PanacheRepositoryBase<DisposalBatch, SchoolScopedId> {

    public Optional<DisposalBatch> findInSchool(String urn, UUID id) {
        return findByIdOptional(SchoolScopedId.of(urn, id));
    }

    public Optional<DisposalBatch> findInSchoolForUpdate(String urn, UUID id) {
        return findByIdOptional(SchoolScopedId.of(urn, id), LockModeType.PESSIMISTIC_WRITE);
    }

    /** A school's batches, newest first, optionally of one status. */
    public Page<DisposalBatch> pageInSchool(String urn, DisposalBatch.BatchStatus status, PageRequest page) {
        StringBuilder query = new StringBuilder("schoolUrn = :urn");
        Parameters params = Parameters.with("urn", urn);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (!page.isFirst()) {
            query.append(" and (proposedAt < :at or (proposedAt = :at and id < :id))");
            params.and("at", page.afterInstant(0)).and("id", page.afterUuid(1));
        }
        query.append(" order by proposedAt desc, id desc");
        return Page.fromRows(
                find(query.toString(), params).range(0, page.fetchSize() - 1).list(),
                page,
                b -> List.of(b.proposedAt().toString(), b.id().toString()));
    }

    /** A page of a batch's items, in holding order. */
    public Page<DisposalItem> itemsOf(String urn, UUID batchId, PageRequest page) {
        String after = page.isFirst() ? "" : " and i.holdingId > :after";
        var query = getEntityManager()
                .createQuery(
                        "from DisposalItem i where i.schoolUrn = :urn and i.batchId = :batch" + after
                                + " order by i.holdingId",
                        DisposalItem.class)
                .setParameter("urn", urn)
                .setParameter("batch", batchId)
                .setMaxResults(page.fetchSize());
        if (!page.isFirst()) {
            query.setParameter("after", page.afterUuid(0));
        }
        return Page.fromRows(
                query.getResultList(), page, i -> List.of(i.holdingId().toString()));
    }

    /** How many items of the batch have each class, proposed action or decision ({@code UNDECIDED} when none). */
    public Map<String, Integer> countItemsBy(String urn, UUID batchId, ItemCount by) {
        Map<String, Integer> counts = new TreeMap<>();
        getEntityManager()
                .createQuery(
                        "select i." + by.attribute + ", count(i) from DisposalItem i"
                                + " where i.schoolUrn = :urn and i.batchId = :batch group by i." + by.attribute,
                        Object[].class)
                .setParameter("urn", urn)
                .setParameter("batch", batchId)
                .getResultList()
                .forEach(row -> counts.merge(
                        row[0] == null ? "UNDECIDED" : by.name.apply(row[0]),
                        ((Number) row[1]).intValue(),
                        Integer::sum));
        return counts;
    }

    /** What items are counted by. */
    public enum ItemCount {
        CLASS("classCode"),
        ACTION("proposedAction"),
        DECISION("decision");

        final String attribute;
        final Function<Object, String> name = v -> v instanceof Enum<?> e ? e.name() : v.toString();

        ItemCount(String attribute) {
            this.attribute = attribute;
        }
    }
}
