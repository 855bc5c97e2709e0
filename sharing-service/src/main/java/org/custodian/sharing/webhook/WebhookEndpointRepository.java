package org.custodian.sharing.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.persistence.SchoolScopedId;

/** Webhook endpoints, school first. */
@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, SchoolScopedId> {

    /** The endpoint, if it belongs to this recipient of the school. */
    public Optional<WebhookEndpoint> findInSchool(String urn, UUID recipientId, UUID id) {
        return findByIdOptional(SchoolScopedId.of(urn, id))
                .filter(e -> e.recipientId().equals(recipientId));
    }

    /** The endpoint, its row locked for the rest of the transaction. */
    public Optional<WebhookEndpoint> findInSchoolForUpdate(String urn, UUID id) {
        return find("schoolUrn = :urn and id = :id", Parameters.with("urn", urn).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The endpoint if it is failing, its row then locked; a healthy endpoint is neither returned nor locked. */
    public Optional<WebhookEndpoint> findFailingInSchoolForUpdate(String urn, UUID id) {
        return find(
                        "schoolUrn = :urn and id = :id and failingSince is not null",
                        Parameters.with("urn", urn).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** A recipient's endpoints, oldest first. */
    public Page<WebhookEndpoint> pageForRecipient(String urn, UUID recipientId, PageRequest page) {
        StringBuilder query = new StringBuilder("schoolUrn = :urn and recipientId = :recipient");
        Parameters params = Parameters.with("urn", urn).and("recipient", recipientId);
        if (!page.isFirst()) {
            query.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            params.and("at", page.afterInstant(0)).and("id", page.afterUuid(1));
        }
        query.append(" order by createdAt, id");
        List<WebhookEndpoint> rows =
                find(query.toString(), params).range(0, page.fetchSize() - 1).list();
        return Page.fromRows(rows, page, e -> List.of(e.createdAt().toString(), e.id().toString()));
    }
}
