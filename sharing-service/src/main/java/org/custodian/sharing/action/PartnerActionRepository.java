package org.custodian.sharing.action;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.persistence.SchoolScopedId;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.recipient.PartnerIdentity;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Timeouts;
import org.hibernate.jpa.SpecHints;

/** Partner actions, school first: opened in bulk, answered one at a time under a row lock, read by partner, pupil and status. */
@ApplicationScoped
public class PartnerActionRepository implements PanacheRepositoryBase<PartnerAction, SchoolScopedId> {

    private static final Set<ActionStatus> WAITING = Set.of(ActionStatus.OPEN, ActionStatus.ACKNOWLEDGED);

    private static final Set<ActionStatus> UNRESOLVED =
            Set.of(ActionStatus.OPEN, ActionStatus.ACKNOWLEDGED, ActionStatus.OVERDUE, ActionStatus.DISPUTED);

    private static final Set<ActionStatus> AWAITING =
            Set.of(ActionStatus.OPEN, ActionStatus.ACKNOWLEDGED, ActionStatus.OVERDUE);

    /** Filters of the list; null or empty means any. */
    /** What a list asks for; {@code partnerId} limits it to recipients linked to that partner. */
    public record Filter(
            UUID recipientId, String pupilId, Set<ActionStatus> statuses, ActionKind kind, String partnerId) {}

    /** How many actions of a partner or a pupil stand in each status. */
    public record Counts(
            long open,
            long acknowledged,
            long overdue,
            long disputed,
            long completed,
            long closed,
            @Schema(nullable = true) LocalDate earliestDueBy) {}

    public record RecipientCounts(UUID recipientId, String recipientName, Counts actions) {}

    public record PupilCounts(String pupilId, Counts actions) {}

    /**
     * Opens the actions (their messages are new, so none exists yet), written at once: the fan-out's SQL asks which
     * actions exist before opening more in the same transaction.
     */
    public void openAll(String urn, List<PartnerAction.Opening> actions, Instant at) {
        persist(actions.stream().map(a -> PartnerAction.open(urn, a, at)));
        flush();
    }

    public Optional<PartnerAction> findInSchool(String urn, UUID id) {
        return find(
                        "from PartnerAction a join fetch a.recipient where a.schoolUrn = :urn and a.id = :id",
                        Parameters.with("urn", urn).and("id", id))
                .singleResultOptional();
    }

    /** The action, locked for the rest of the transaction (answers to one action are taken one at a time). */
    public Optional<PartnerAction> findInSchoolForUpdate(String urn, UUID id) {
        return find("schoolUrn = :urn and id = :id", Parameters.with("urn", urn).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .singleResultOptional();
    }

    /** Newest first. */
    public Page<PartnerAction> pageInSchool(String urn, Filter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("from PartnerAction a join fetch a.recipient where a.schoolUrn = :urn");
        Parameters params = Parameters.with("urn", urn);
        if (filter.recipientId() != null) {
            query.append(" and a.recipientId = :recipientId");
            params.and("recipientId", filter.recipientId());
        }
        if (filter.pupilId() != null) {
            query.append(" and a.pupilId = :pupilId");
            params.and("pupilId", filter.pupilId());
        }
        if (filter.partnerId() != null) {
            query.append(" and a.recipient.partnerId = :partnerId");
            params.and("partnerId", filter.partnerId());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            query.append(" and a.status in :statuses");
            params.and("statuses", filter.statuses());
        }
        if (filter.kind() != null) {
            query.append(" and a.kind = :kind");
            params.and("kind", filter.kind());
        }
        if (!page.isFirst()) {
            query.append(" and (a.openedAt < :openedAt or (a.openedAt = :openedAt and a.id < :id))");
            params.and("openedAt", page.afterInstant(0)).and("id", page.afterUuid(1));
        }
        query.append(" order by a.openedAt desc, a.id desc");
        List<PartnerAction> rows =
                find(query.toString(), params).range(0, page.fetchSize() - 1).list();
        return Page.fromRows(rows, page, a -> List.of(a.openedAt().toString(), a.id().toString()));
    }

    /**
     * A partner's actions across schools, newest first: those of the recipients linked to its partner id, or of the
     * one recipient its token names in the token's schools; optionally of one school.
     */
    public Page<PartnerAction> pageReachedBy(
            PartnerIdentity who, String urn, Set<ActionStatus> statuses, ActionKind kind, PageRequest page) {
        StringBuilder query = new StringBuilder("from PartnerAction a join fetch a.recipient r where ");
        Parameters params;
        if (who.isOrganisation()) {
            query.append("r.partnerId = :partnerId");
            params = Parameters.with("partnerId", who.partnerId());
        } else {
            query.append("a.recipientId = :recipientId and a.schoolUrn in :schools");
            params = Parameters.with("recipientId", who.recipientId())
                    .and("schools", who.schools().isEmpty() ? List.of("") : List.copyOf(who.schools()));
        }
        if (urn != null) {
            query.append(" and a.schoolUrn = :urn");
            params.and("urn", urn);
        }
        if (statuses != null && !statuses.isEmpty()) {
            query.append(" and a.status in :statuses");
            params.and("statuses", statuses);
        }
        if (kind != null) {
            query.append(" and a.kind = :kind");
            params.and("kind", kind);
        }
        if (!page.isFirst()) {
            query.append(" and (a.openedAt < :openedAt or (a.openedAt = :openedAt and a.id < :id))");
            params.and("openedAt", page.afterInstant(0)).and("id", page.afterUuid(1));
        }
        query.append(" order by a.openedAt desc, a.id desc");
        List<PartnerAction> rows =
                find(query.toString(), params).range(0, page.fetchSize() - 1).list();
        return Page.fromRows(rows, page, a -> List.of(a.openedAt().toString(), a.id().toString()));
    }

    /** Every action about one pupil, oldest first (for the subject export). */
    public List<PartnerAction> aboutPupil(String urn, String pupilId) {
        return find(
                        "from PartnerAction a join fetch a.recipient where a.schoolUrn = :urn and a.pupilId = :pupilId"
                                + " order by a.openedAt, a.id",
                        Parameters.with("urn", urn).and("pupilId", pupilId))
                .list();
    }

    // --- the daily job: every school, oldest first, locked; rows being answered right now are skipped ---

    /** Actions still waiting whose last day is before {@code today}. */
    public List<PartnerAction> waitingPastDue(LocalDate today, int limit) {
        return find(
                        "status in :waiting and dueOn < :today order by dueOn, schoolUrn, id",
                        Parameters.with("waiting", WAITING).and("today", today))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, Timeouts.SKIP_LOCKED_MILLI)
                .range(0, limit - 1)
                .list();
    }

    /** Overdue actions last reminded before {@code before}. */
    public List<PartnerAction> overdueToRemind(Instant before, int limit) {
        return find(
                        "status = :overdue and lastReminderAt < :before order by lastReminderAt, schoolUrn, id",
                        Parameters.with("overdue", ActionStatus.OVERDUE).and("before", before))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, Timeouts.SKIP_LOCKED_MILLI)
                .range(0, limit - 1)
                .list();
    }

    // --- the DPO's views ---

    private static final String COUNTS = """
            count(*) filter (where a.status = :open), count(*) filter (where a.status = :acknowledged),
            count(*) filter (where a.status = :overdue), count(*) filter (where a.status = :disputed),
            count(*) filter (where a.status = :completed), count(*) filter (where a.status = :closed),
            min(a.dueOn) filter (where a.status in :awaiting)""";
    private static final String HAVING_UNRESOLVED = " having count(*) filter (where a.status in :unresolved) > 0";

    /** Per partner, by name. */
    public Page<RecipientCounts> byRecipient(String urn, boolean unresolvedOnly, PageRequest page) {
        StringBuilder hql = new StringBuilder("select a.recipientId, r.name, " + COUNTS
                + " from PartnerAction a join a.recipient r where a.schoolUrn = :urn");
        if (!page.isFirst()) {
            hql.append(" and (r.name > :name or (r.name = :name and r.id > :id))");
        }
        hql.append(" group by a.recipientId, r.name, r.id")
                .append(unresolvedOnly ? HAVING_UNRESOLVED : "")
                .append(" order by r.name, r.id");
        TypedQuery<Object[]> query = counting(hql.toString(), urn, unresolvedOnly, page);
        if (!page.isFirst()) {
            query.setParameter("name", page.after(0)).setParameter("id", page.afterUuid(1));
        }
        List<RecipientCounts> rows = query.getResultList().stream()
                .map(row -> new RecipientCounts((UUID) row[0], (String) row[1], counts(row, 2)))
                .toList();
        return Page.fromRows(
                rows, page, c -> List.of(c.recipientName(), c.recipientId().toString()));
    }

    /** Per pupil, by pupil id. */
    public Page<PupilCounts> byPupil(String urn, boolean unresolvedOnly, PageRequest page) {
        StringBuilder hql =
                new StringBuilder("select a.pupilId, " + COUNTS + " from PartnerAction a where a.schoolUrn = :urn");
        if (!page.isFirst()) {
            hql.append(" and a.pupilId > :pupilId");
        }
        hql.append(" group by a.pupilId")
                .append(unresolvedOnly ? HAVING_UNRESOLVED : "")
                .append(" order by a.pupilId");
        TypedQuery<Object[]> query = counting(hql.toString(), urn, unresolvedOnly, page);
        if (!page.isFirst()) {
            query.setParameter("pupilId", page.after(0));
        }
        List<PupilCounts> rows = query.getResultList().stream()
                .map(row -> new PupilCounts((String) row[0], counts(row, 1)))
                .toList();
        return Page.fromRows(rows, page, c -> List.of(c.pupilId()));
    }

    private TypedQuery<Object[]> counting(String hql, String urn, boolean unresolvedOnly, PageRequest page) {
        TypedQuery<Object[]> query = getEntityManager()
                .createQuery(hql, Object[].class)
                .setParameter("urn", urn)
                .setParameter("open", ActionStatus.OPEN)
                .setParameter("acknowledged", ActionStatus.ACKNOWLEDGED)
                .setParameter("overdue", ActionStatus.OVERDUE)
                .setParameter("disputed", ActionStatus.DISPUTED)
                .setParameter("completed", ActionStatus.COMPLETED)
                .setParameter("closed", ActionStatus.CLOSED)
                .setParameter("awaiting", AWAITING)
                .setMaxResults(page.fetchSize());
        if (unresolvedOnly) {
            query.setParameter("unresolved", UNRESOLVED);
        }
        return query;
    }

    private static Counts counts(Object[] row, int first) {
        return new Counts(
                (Long) row[first],
                (Long) row[first + 1],
                (Long) row[first + 2],
                (Long) row[first + 3],
                (Long) row[first + 4],
                (Long) row[first + 5],
                (LocalDate) row[first + 6]);
    }
}
