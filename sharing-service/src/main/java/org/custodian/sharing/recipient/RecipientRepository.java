package org.custodian.sharing.recipient;

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
import org.custodian.sharing.decision.Sector;

/** Recipients, school first. */
@ApplicationScoped
public class RecipientRepository implements PanacheRepositoryBase<Recipient, SchoolScopedId> {

    public Optional<Recipient> findInSchool(String urn, UUID id) {
        return findByIdOptional(SchoolScopedId.of(urn, id));
    }

    /** Locks the recipient row for the rest of the transaction (a decision reads a status no one changes meanwhile). */
    public Optional<Recipient> findInSchoolForShare(String urn, UUID id) {
        return findByIdOptional(SchoolScopedId.of(urn, id), LockModeType.PESSIMISTIC_READ);
    }

    /** A school's recipients by name (then id), filtered by whichever of status, kind and sector are given. */
    public Page<Recipient> pageInSchool(
            String urn, Recipient.Status status, Recipient.Kind kind, Sector sector, PageRequest page) {
        StringBuilder query = new StringBuilder("schoolUrn = :urn");
        Parameters params = Parameters.with("urn", urn);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (sector != null) {
            query.append(" and sector = :sector");
            params.and("sector", sector);
        }
        if (!page.isFirst()) {
            query.append(" and (name > :name or (name = :name and id > :id))");
            params.and("name", page.after(0)).and("id", page.afterUuid(1));
        }
        query.append(" order by name, id");
        List<Recipient> rows =
                find(query.toString(), params).range(0, page.fetchSize() - 1).list();
        return Page.fromRows(rows, page, r -> List.of(r.name(), r.id().toString()));
    }

    /** The recipients a partner reaches across schools, by school and then id. */
    public Page<Recipient> pageReachedBy(PartnerIdentity who, PageRequest page) {
        StringBuilder query = new StringBuilder();
        Parameters params;
        if (who.isOrganisation()) {
            query.append("partnerId = :partner");
            params = Parameters.with("partner", who.partnerId());
        } else {
            query.append("id = :recipient and schoolUrn in :schools");
            params = Parameters.with("recipient", who.recipientId())
                    .and("schools", who.schools().isEmpty() ? List.of("") : List.copyOf(who.schools()));
        }
        if (!page.isFirst()) {
            query.append(" and (schoolUrn > :urn or (schoolUrn = :urn and id > :id))");
            params.and("urn", page.after(0)).and("id", page.afterUuid(1));
        }
        query.append(" order by schoolUrn, id");
        List<Recipient> rows =
                find(query.toString(), params).range(0, page.fetchSize() - 1).list();
        return Page.fromRows(rows, page, r -> List.of(r.schoolUrn(), r.id().toString()));
    }
}
