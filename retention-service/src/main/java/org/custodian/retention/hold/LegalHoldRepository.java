package org.custodian.retention.hold;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.persistence.SchoolScopedId;
import org.hibernate.Timeouts;
import org.hibernate.jpa.SpecHints;

/** Legal holds, school first. */
@ApplicationScoped
public class LegalHoldRepository implements PanacheRepositoryBase<LegalHold, SchoolScopedId> {

    public Optional<LegalHold> findInSchool(String urn, UUID id) {
        return findByIdOptional(SchoolScopedId.of(urn, id));
    }

    public Optional<LegalHold> findInSchoolForUpdate(String urn, UUID id) {
        return findByIdOptional(SchoolScopedId.of(urn, id), LockModeType.PESSIMISTIC_WRITE);
    }

    /** A school's holds, newest first; {@code activeOnly} leaves out released ones. */
    public Page<LegalHold> pageInSchool(String urn, boolean activeOnly, PageRequest page) {
        StringBuilder query = new StringBuilder("schoolUrn = :urn");
        Parameters params = Parameters.with("urn", urn);
        if (activeOnly) {
            query.append(" and releasedAt is null");
        }
        if (!page.isFirst()) {
            query.append(" and (placedAt < :at or (placedAt = :at and id < :id))");
            params.and("at", page.afterInstant(0)).and("id", page.afterUuid(1));
        }
        query.append(" order by placedAt desc, id desc");
        List<LegalHold> rows =
                find(query.toString(), params).range(0, page.fetchSize() - 1).list();
        return Page.fromRows(rows, page, h -> List.of(h.placedAt().toString(), h.id().toString()));
    }

    /** The holds of a school not yet released (some may have passed their end and await the daily job). */
    public List<LegalHold> unreleasedInSchool(String urn) {
        return list("schoolUrn = ?1 and releasedAt is null", urn);
    }

    /** The rules of the holds that apply to a school on a day. */
    public List<HoldRule> rulesApplyingInSchool(String urn, LocalDate day) {
        return unreleasedInSchool(urn).stream()
                .map(LegalHold::rule)
                .filter(r -> r.appliesOn(day))
                .toList();
    }

    /** A school's holds whose end date has passed but that are not marked released yet, locked (others skipped). */
    public List<LegalHold> endedBeforeInSchool(String urn, LocalDate day) {
        return find("schoolUrn = ?1 and releasedAt is null and endsOn < ?2", urn, day)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, Timeouts.SKIP_LOCKED_MILLI)
                .list();
    }

    /** Schools with a hold whose end date has passed, for the daily job. */
    public List<String> schoolsWithEndedHolds(LocalDate day) {
        return getEntityManager()
                .createQuery(
                        "select distinct h.schoolUrn from LegalHold h where h.releasedAt is null and h.endsOn < :day",
                        String.class)
                .setParameter("day", day)
                .getResultList();
    }
}
