package org.custodian.retention.holding;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.retention.due.Due;
import org.custodian.retention.schedule.DisposalAction;

/** The register of holdings (table {@code holding}). Bulk writes go through {@code unnest} of arrays, one statement each. */
@ApplicationScoped
public class HoldingQueries {

    static final String COLUMNS = """
            school_urn, id, class_code, pupil_id, system, reference, purpose, created_on, closed_on, status, due_on,
            due_action, due_because, waiting_for, erasure_note, review_on, batch_id, approved_action, disposed_on,
            registered_at, updated_at
            """;

    /** A due date to write back for a holding. */
    public record DueUpdate(UUID id, Due due) {}

    private final Jdbc sql;

    public HoldingQueries(Jdbc sql) {
        this.sql = sql;
    }

    public Optional<Holding> find(String urn, UUID id) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM holding WHERE school_urn = ? AND id = ?", HoldingQueries::read, urn, id);
    }

    public Optional<Holding> findForUpdate(String urn, UUID id) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM holding WHERE school_urn = ? AND id = ? FOR UPDATE",
                HoldingQueries::read,
                urn,
                id);
    }

    public Page<Holding> page(String urn, HoldingFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("SELECT " + COLUMNS + " FROM holding WHERE school_urn = ?");
        List<Object> params = new ArrayList<>(List.of(urn));
        if (filter.pupilId() != null) {
            query.append(" AND pupil_id = ?");
            params.add(filter.pupilId());
        }
        if (filter.classCode() != null) {
            query.append(" AND class_code = ?");
            params.add(filter.classCode());
        }
        if (filter.dueBefore() != null) {
            query.append(" AND due_on < ?");
            params.add(filter.dueBefore());
        }
        if (filter.status() != null) {
            query.append(" AND status = ?");
            params.add(filter.status().name());
        }
        if (!page.isFirst()) {
            query.append(" AND id > ?");
            params.add(page.afterUuid(0));
        }
        query.append(" ORDER BY id LIMIT ?");
        params.add(page.fetchSize());
        return Page.fromRows(
                sql.list(query.toString(), HoldingQueries::read, params.toArray()),
                page,
                h -> List.of(h.id().toString()));
    }

    /** The named holdings. */
    public List<Holding> byIds(String urn, Collection<UUID> ids) {
        return sql.list(
                "SELECT " + COLUMNS + " FROM holding WHERE school_urn = ? AND id = ANY(?::uuid[])",
                HoldingQueries::read,
                urn,
                Jdbc.texts(ids.stream().map(UUID::toString).toList()));
    }

    /** Every holding about a pupil (for subject access), oldest first. */
    public List<Holding> forPupil(String urn, String pupilId) {
        return sql.list(
                "SELECT " + COLUMNS + " FROM holding WHERE school_urn = ? AND pupil_id = ? ORDER BY created_on, id",
                HoldingQueries::read,
                urn,
                pupilId);
    }

    /**
     * The holdings registered from these sources: system → references. One index scan per system
     * ({@code reference = ANY(?)} on the unique index), which no estimate can turn into a join done the wrong way round.
     */
    public List<Holding> bySources(String urn, Map<String, ? extends Collection<String>> referencesBySystem) {
        List<Holding> found = new ArrayList<>();
        referencesBySystem.forEach((system, references) -> found.addAll(sql.list(
                "SELECT " + COLUMNS + " FROM holding WHERE school_urn = ? AND system = ? AND reference = ANY(?)",
                HoldingQueries::read,
                urn,
                system,
                Jdbc.texts(references))));
        return found;
    }

    /** Holdings whose due date may move, a page at a time in id order: about a pupil, or of a class. */
    public List<Holding> recomputable(String urn, Scope scope, UUID after, int limit) {
        return sql.list(
                "SELECT " + COLUMNS + " FROM holding WHERE school_urn = ? AND " + scope.condition()
                        + " AND status IN ('ACTIVE', 'PROPOSED') AND id > ? ORDER BY id LIMIT ?",
                HoldingQueries::read,
                urn,
                scope.value(),
                after,
                limit);
    }

    /** Which holdings a recomputation covers: about one pupil, of one class, or the named ones. */
    public record Scope(String condition, Object value) {
        public static Scope pupil(String pupilId) {
            return new Scope("pupil_id = ?", pupilId);
        }

        public static Scope recordClass(String classCode) {
            return new Scope("class_code = ?", classCode);
        }

        public static Scope ids(Collection<UUID> ids) {
            return new Scope(
                    "id = ANY(?::uuid[])",
                    Jdbc.texts(ids.stream().map(UUID::toString).toList()));
        }
    }

    public void insert(String urn, Collection<Holding> holdings) {
        if (holdings.isEmpty()) {
            return;
        }
        Columns c = new Columns(holdings);
        sql.update(
                """
                INSERT INTO holding (school_urn, id, class_code, pupil_id, system, reference, purpose, created_on, closed_on,
                                     due_on, due_action, due_because, waiting_for, erasure_note)
                SELECT ?, u.id::uuid, u.class_code, u.pupil_id, u.system, u.reference, u.purpose, u.created_on::date,
                       u.closed_on::date, u.due_on::date, u.due_action, u.due_because, u.waiting_for, u.erasure_note
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     AS u(id, class_code, pupil_id, system, reference, purpose, created_on, closed_on, due_on, due_action,
                          due_because, waiting_for, erasure_note)
                """,
                urn,
                c.ids,
                c.classes,
                c.pupils,
                c.systems,
                c.references,
                c.purposes,
                c.created,
                c.closed,
                c.dueOn,
                c.dueAction,
                c.because,
                c.waiting,
                c.erasure);
    }

    /**
     * Writes a re-registration's corrected facts and the due date that follows from them, to holdings still in the
     * register or proposed; returns how many it wrote (fewer when another transaction approved one meanwhile).
     */
    public int updateFacts(String urn, Collection<Holding> holdings) {
        if (holdings.isEmpty()) {
            return 0;
        }
        Columns c = new Columns(holdings);
        sql.customPlans();
        return sql.update(
                """
                UPDATE holding h SET class_code = u.class_code, pupil_id = u.pupil_id, purpose = u.purpose,
                       created_on = u.created_on::date, closed_on = u.closed_on::date, due_on = u.due_on::date,
                       due_action = u.due_action, due_because = u.due_because, waiting_for = u.waiting_for,
                       erasure_note = u.erasure_note, updated_at = now()
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[])
                     AS u(id, class_code, pupil_id, purpose, created_on, closed_on, due_on, due_action, due_because,
                          waiting_for, erasure_note)
                WHERE h.school_urn = ? AND h.id = ANY(?::uuid[]) AND h.id = u.id::uuid AND h.status IN ('ACTIVE', 'PROPOSED')
                """,
                c.ids,
                c.classes,
                c.pupils,
                c.purposes,
                c.created,
                c.closed,
                c.dueOn,
                c.dueAction,
                c.because,
                c.waiting,
                c.erasure,
                urn,
                c.ids);
    }

    public void updateDue(String urn, Collection<DueUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<String> dueOn = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<String> because = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        List<String> erasure = new ArrayList<>();
        for (DueUpdate update : updates) {
            ids.add(update.id().toString());
            dueOn.add(text(update.due().dueOn()));
            actions.add(text(update.due().action()));
            because.add(update.due().because());
            waiting.add(update.due().waitingFor());
            erasure.add(update.due().erasureNote());
        }
        sql.customPlans();
        sql.update(
                """
                UPDATE holding h SET due_on = u.due_on::date, due_action = u.due_action, due_because = u.due_because,
                       waiting_for = u.waiting_for, erasure_note = u.erasure_note, updated_at = now()
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     AS u(id, due_on, due_action, due_because, waiting_for, erasure_note)
                WHERE h.school_urn = ? AND h.id = ANY(?::uuid[]) AND h.id = u.id::uuid
                """,
                Jdbc.texts(ids),
                Jdbc.texts(dueOn),
                Jdbc.texts(actions),
                Jdbc.texts(because),
                Jdbc.texts(waiting),
                Jdbc.texts(erasure),
                urn,
                Jdbc.texts(ids));
    }

    /** Puts holdings in a disposal batch. */
    public void markProposed(String urn, UUID batchId, Collection<UUID> ids) {
        sql.update(
                """
                UPDATE holding SET status = 'PROPOSED', batch_id = ?, updated_at = now()
                WHERE school_urn = ? AND id = ANY(?::uuid[])
                """, batchId, urn, Jdbc.texts(ids.stream().map(UUID::toString).toList()));
    }

    /** Approves holdings for disposal: holding id → {@code DESTROY} or {@code TRANSFER}. */
    public void markApproved(String urn, Map<UUID, String> actions) {
        if (actions.isEmpty()) {
            return;
        }
        String[] ids = Jdbc.texts(actions.keySet().stream().map(UUID::toString).toList());
        sql.customPlans();
        sql.update("""
                UPDATE holding h SET status = 'APPROVED', approved_action = u.action, updated_at = now()
                FROM unnest(?::text[], ?::text[]) AS u(id, action)
                WHERE h.school_urn = ? AND h.id = ANY(?::uuid[]) AND h.id = u.id::uuid
                """, ids, Jdbc.texts(actions.values()), urn, ids);
    }

    /**
     * Puts holdings back in the register out of a batch: holding id → the review date the DPO chose when keeping it
     * (null keeps whatever review date it had).
     */
    public void returnToRegister(String urn, Map<UUID, LocalDate> reviewDates) {
        if (reviewDates.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        reviewDates.forEach((id, date) -> {
            ids.add(id.toString());
            dates.add(text(date));
        });
        sql.customPlans();
        sql.update("""
                UPDATE holding h SET status = 'ACTIVE', batch_id = NULL, review_on = COALESCE(u.review_on::date, h.review_on),
                       updated_at = now()
                FROM unnest(?::text[], ?::text[]) AS u(id, review_on)
                WHERE h.school_urn = ? AND h.id = ANY(?::uuid[]) AND h.id = u.id::uuid
                """, Jdbc.texts(ids), Jdbc.texts(dates), urn, Jdbc.texts(ids));
    }

    /**
     * Marks a holding destroyed or transferred and keeps only what the certificate needs: the link to the pupil, the
     * consent purpose and the reasoning about the pupil's dates are cleared.
     */
    public void markDisposed(String urn, UUID id, HoldingStatus outcome, LocalDate disposedOn) {
        sql.update("""
                UPDATE holding SET status = ?, disposed_on = ?, pupil_id = NULL, purpose = NULL, due_because = NULL,
                       waiting_for = NULL, erasure_note = NULL, review_on = NULL, updated_at = now()
                WHERE school_urn = ? AND id = ?
                """, outcome, disposedOn, urn, id);
    }

    static Holding read(ResultSet row) throws SQLException {
        String action = row.getString("due_action");
        Due due = new Due(
                Jdbc.date(row, "due_on"),
                action == null ? null : DisposalAction.valueOf(action),
                row.getString("due_because"),
                row.getString("waiting_for"),
                row.getString("erasure_note"));
        return new Holding(
                Jdbc.uuid(row, "id"),
                row.getString("school_urn"),
                row.getString("class_code"),
                row.getString("pupil_id"),
                row.getString("system"),
                row.getString("reference"),
                row.getString("purpose"),
                Jdbc.date(row, "created_on"),
                Jdbc.date(row, "closed_on"),
                HoldingStatus.valueOf(row.getString("status")),
                due,
                Jdbc.date(row, "review_on"),
                Jdbc.uuid(row, "batch_id"),
                row.getString("approved_action"),
                Jdbc.date(row, "disposed_on"),
                Jdbc.instant(row, "registered_at"),
                Jdbc.instant(row, "updated_at"));
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    /** The columns of many holdings as parallel text arrays. */
    private static final class Columns {
        final String[] ids,
                classes,
                pupils,
                systems,
                references,
                purposes,
                created,
                closed,
                dueOn,
                dueAction,
                because,
                waiting,
                erasure;

        Columns(Collection<Holding> holdings) {
            int n = holdings.size();
            String[][] cols = new String[13][n];
            int i = 0;
            for (Holding h : holdings) {
                cols[0][i] = h.id().toString();
                cols[1][i] = h.classCode();
                cols[2][i] = h.pupilId();
                cols[3][i] = h.system();
                cols[4][i] = h.reference();
                cols[5][i] = h.purpose();
                cols[6][i] = text(h.createdOn());
                cols[7][i] = text(h.closedOn());
                cols[8][i] = text(h.due().dueOn());
                cols[9][i] = text(h.due().action());
                cols[10][i] = h.due().because();
                cols[11][i] = h.due().waitingFor();
                cols[12][i] = h.due().erasureNote();
                i++;
            }
            ids = cols[0];
            classes = cols[1];
            pupils = cols[2];
            systems = cols[3];
            references = cols[4];
            purposes = cols[5];
            created = cols[6];
            closed = cols[7];
            dueOn = cols[8];
            dueAction = cols[9];
            because = cols[10];
            waiting = cols[11];
            erasure = cols[12];
        }
    }
}
