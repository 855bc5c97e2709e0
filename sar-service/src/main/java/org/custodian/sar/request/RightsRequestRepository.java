package org.custodian.sar.request;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.persistence.SchoolScopedId;

/** Rights requests with their clarifications and steps, school first; lists page by arrival order. */
@ApplicationScoped
public class RightsRequestRepository implements PanacheRepositoryBase<RightsRequest, SchoolScopedId> {

    private static final List<RequestStatus> CLOSED = Arrays.stream(RequestStatus.values())
            .filter(RequestStatus::isClosed)
            .toList();

    public Optional<RightsRequest> findInSchool(String urn, UUID id) {
        return findByIdOptional(SchoolScopedId.of(urn, id));
    }

    /** The request, its row locked for the transaction (steps of one request happen one after the other). */
    public Optional<RightsRequest> findInSchoolForUpdate(String urn, UUID id) {
        // a query, not a find: the lock goes on the request's row alone, its collections are read after it
        return find("schoolUrn = :urn and id = :id", Parameters.with("urn", urn).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** A page of a school's requests matching the filter, newest first. */
    public Page<RightsRequest> pageInSchool(String urn, RequestFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("schoolUrn = :urn");
        Parameters params = Parameters.with("urn", urn);
        if (filter.status() != null) {
            where.append(" and status = :status");
            params = params.and("status", filter.status());
        }
        if (filter.type() != null) {
            where.append(" and type = :type");
            params = params.and("type", filter.type());
        }
        if (filter.pupilId() != null) {
            where.append(" and pupilId = :pupil");
            params = params.and("pupil", filter.pupilId());
        }
        if (filter.dueBefore() != null) {
            where.append(" and dueOn < :dueBefore");
            params = params.and("dueBefore", filter.dueBefore());
        }
        if (filter.requesterType() != null) {
            where.append(" and requesterType = :requesterType and requesterId = :requesterId");
            params = params.and("requesterType", filter.requesterType()).and("requesterId", filter.requesterId());
        }
        if (!page.isFirst()) {
            where.append(" and seq < :after");
            params = params.and("after", page.afterLong(0));
        }
        List<RightsRequest> rows = find(where + " order by seq desc", params)
                .range(0, page.fetchSize() - 1)
                .list();
        return Page.fromRows(rows, page, r -> List.of(Long.toString(r.seq())));
    }

    /** Open requests whose next deadline is on or before {@code horizon} (overdue ones included), soonest first. */
    public Page<RightsRequest> dueInSchool(String urn, LocalDate horizon, PageRequest page) {
        String where = "schoolUrn = :urn and nextDeadline <= :horizon";
        Parameters params = Parameters.with("urn", urn).and("horizon", horizon);
        if (!page.isFirst()) {
            where += " and (nextDeadline > :afterDate or (nextDeadline = :afterDate and seq > :afterSeq))";
            params = params.and("afterDate", page.afterDate(0)).and("afterSeq", page.afterLong(1));
        }
        List<RightsRequest> rows = find(where + " order by nextDeadline, seq", params)
                .range(0, page.fetchSize() - 1)
                .list();
        return Page.fromRows(rows, page, r -> List.of(r.nextDeadline().toString(), Long.toString(r.seq())));
    }

    /** Every open request of a school (a school has few at a time), locked, for recomputing deadlines. */
    public List<RightsRequest> openInSchoolForUpdate(String urn) {
        return find(
                        "schoolUrn = :urn and status not in :closed order by seq",
                        Parameters.with("urn", urn).and("closed", CLOSED))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Open requests across schools whose next deadline is on or before {@code horizon}, in batches for the daily job. */
    public List<RightsRequest> nearDeadline(LocalDate horizon, long afterSeq, int limit) {
        return find(
                        "nextDeadline <= :horizon and seq > :after order by seq",
                        Parameters.with("horizon", horizon).and("after", afterSeq))
                .range(0, limit - 1)
                .list();
    }

    /** Every request about a pupil, oldest first (a child has few), for the per-subject export. */
    public List<RightsRequest> aboutPupil(String urn, String pupilId) {
        return list(
                "schoolUrn = :urn and pupilId = :pupil order by seq",
                Parameters.with("urn", urn).and("pupil", pupilId));
    }
}
