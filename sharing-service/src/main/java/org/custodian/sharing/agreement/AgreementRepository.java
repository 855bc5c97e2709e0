package org.custodian.sharing.agreement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.persistence.SchoolScopedId;
import org.custodian.sharing.actionkind.ActionDeadline;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.partner.AgreementLookup;
import org.hibernate.jpa.HibernateHints;

/** Agreements, school first; also what the partner fan-out asks about them. */
@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, SchoolScopedId>, AgreementLookup {

    public Optional<Agreement> findInSchool(String urn, UUID id) {
        return findByIdOptional(SchoolScopedId.of(urn, id));
    }

    /** Every agreement with the recipient, the candidates of a sharing decision. */
    public List<Agreement> forRecipient(String urn, UUID recipientId) {
        return list("schoolUrn = ?1 and recipientId = ?2 order by id", urn, recipientId);
    }

    /** A school's agreements by name (then id), filtered by whichever of recipient and lawful basis are given. */
    public Page<Agreement> pageInSchool(String urn, UUID recipientId, LawfulBasis basis, PageRequest page) {
        StringBuilder query = new StringBuilder("schoolUrn = :urn");
        Parameters params = Parameters.with("urn", urn);
        if (recipientId != null) {
            query.append(" and recipientId = :recipientId");
            params.and("recipientId", recipientId);
        }
        if (basis != null) {
            query.append(" and lawfulBasis = :basis");
            params.and("basis", basis);
        }
        if (!page.isFirst()) {
            query.append(" and (name > :name or (name = :name and id > :id))");
            params.and("name", page.after(0)).and("id", page.afterUuid(1));
        }
        query.append(" order by name, id");
        List<Agreement> rows =
                find(query.toString(), params).range(0, page.fetchSize() - 1).list();
        return Page.fromRows(rows, page, a -> List.of(a.name(), a.id().toString()));
    }

    @Override
    public Map<String, Map<ActionKind, ActionDeadline>> deadlines(String urn, Collection<String> ids) {
        List<UUID> uuids = ids.stream().map(UUID::fromString).toList();
        return find("schoolUrn = ?1 and id in ?2", urn, uuids).withHint(HibernateHints.HINT_READ_ONLY, true).stream()
                .collect(Collectors.toMap(a -> a.id().toString(), Agreement::actionDeadlines));
    }

    @Override
    public boolean anyInForceFrom(String urn, UUID recipientId, UUID except, LocalDate day) {
        return count(
                        "schoolUrn = ?1 and recipientId = ?2 and id <> ?3 and (validTo is null or validTo >= ?4)",
                        urn,
                        recipientId,
                        except,
                        day)
                > 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Ended> endedBefore(LocalDate day, int limit) {
        // SQL: it reads agreement_end, the partner package's SQL-only record of the ends already looked at
        List<Agreement> ended = getEntityManager()
                .createNativeQuery("""
                        SELECT a.* FROM agreement a
                        WHERE a.valid_to < ?1 AND NOT EXISTS (SELECT 1 FROM agreement_end e WHERE e.school_urn = a.school_urn
                              AND e.agreement_id = a.id AND e.valid_to = a.valid_to)
                        ORDER BY a.valid_to, a.school_urn, a.id LIMIT ?2
                        """, Agreement.class)
                .setParameter(1, day)
                .setParameter(2, limit)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        return ended.stream()
                .map(a -> new Ended(a.schoolUrn(), a.id(), a.recipientId(), a.validTo()))
                .toList();
    }
}
