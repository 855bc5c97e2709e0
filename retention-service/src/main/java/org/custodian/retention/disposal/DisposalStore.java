package org.custodian.retention.disposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.retention.schedule.DisposalAction;
import org.custodian.retention.support.NamedSql;
import org.custodian.retention.support.Params;

/** Disposal batches and their items (tables {@code disposal_batch}, {@code disposal_item}), kept permanently. */
@ApplicationScoped
public class DisposalStore {

    static final NamedSql DUE_UNHELD = NamedSql.resource("sql/due-unheld.sql");

    private static final String BATCH_COLUMNS = """
            id, school_urn, status, due_on_or_before, item_count, proposed_by, proposed_at, approved_by, approved_at,
            approval_note, completed_at
            """;
    private static final String ITEM_COLUMNS = """
            batch_id, holding_id, class_code, pupil_id, system, reference, created_on, closed_on, due_on, proposed_action,
            decision, decision_reason, review_on, next_school_urn, disposed_on, method, confirmed_by, confirmed_by_caller,
            confirmed_at
            """;

    private final Jdbc sql;

    @Inject
    public DisposalStore(Jdbc sql) {
        this.sql = sql;
    }

    /**
     * The due, unheld holdings of a school as batch items (not yet stored), oldest due first. Planned with the actual
     * values every time: a generic plan cannot know how many legal holds the school has, and with a few hundred pupil
     * holds it turns the hashed anti-join into a nested loop (bench/due-query.sh shows both plans).
     */
    public List<DisposalItem> dueAndUnheld(String urn, LocalDate onOrBefore, List<String> classes, int maxItems) {
        sql.customPlans();
        Object[] params = DUE_UNHELD.params(
                Map.of("school", urn, "today", onOrBefore, "classes", Jdbc.texts(classes), "max_items", maxItems));
        return sql.list(
                DUE_UNHELD.jdbc(),
                row -> new DisposalItem(
                        null,
                        Jdbc.uuid(row, "id"),
                        row.getString("class_code"),
                        row.getString("pupil_id"),
                        row.getString("system"),
                        row.getString("reference"),
                        Jdbc.date(row, "created_on"),
                        Jdbc.date(row, "closed_on"),
                        Jdbc.date(row, "due_on"),
                        DisposalAction.valueOf(row.getString("due_action")),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                params);
    }

    /** Schools with a due active holding, found by skipping through the due index one school at a time. */
    public List<String> schoolsWithDueHoldings(LocalDate today) {
        return sql.list("""
                WITH RECURSIVE schools AS (
                    SELECT min(school_urn) AS urn FROM holding WHERE status = 'ACTIVE' AND due_on <= ?
                    UNION ALL
                    SELECT (SELECT min(h.school_urn) FROM holding h
                            WHERE h.status = 'ACTIVE' AND h.due_on <= ? AND h.school_urn > s.urn)
                    FROM schools s WHERE s.urn IS NOT NULL)
                SELECT urn FROM schools WHERE urn IS NOT NULL
                """, row -> row.getString(1), today, today);
    }

    public void insertBatch(DisposalBatch batch, List<DisposalItem> items) {
        sql.update(
                """
                        INSERT INTO disposal_batch (school_urn, id, status, due_on_or_before, item_count, proposed_by, proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                batch.schoolUrn(),
                batch.id(),
                batch.status(),
                batch.dueOnOrBefore(),
                batch.itemCount(),
                batch.proposedBy(),
                batch.proposedAt());
        List<List<String>> cols = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cols.add(new ArrayList<>());
        }
        for (DisposalItem item : items) {
            cols.get(0).add(item.holdingId().toString());
            cols.get(1).add(item.classCode());
            cols.get(2).add(item.pupilId());
            cols.get(3).add(item.system());
            cols.get(4).add(item.reference());
            cols.get(5).add(item.createdOn().toString());
            cols.get(6).add(item.closedOn() == null ? null : item.closedOn().toString());
            cols.get(7).add(item.dueOn().toString());
            cols.get(8).add(item.proposedAction().name());
        }
        sql.update(
                """
                INSERT INTO disposal_item (school_urn, batch_id, holding_id, class_code, pupil_id, system, reference,
                                           created_on, closed_on, due_on, proposed_action)
                SELECT ?, ?, u.holding_id::uuid, u.class_code, u.pupil_id, u.system, u.reference, u.created_on::date,
                       u.closed_on::date, u.due_on::date, u.proposed_action
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     AS u(holding_id, class_code, pupil_id, system, reference, created_on, closed_on, due_on, proposed_action)
                """,
                batch.schoolUrn(),
                batch.id(),
                Jdbc.texts(cols.get(0)),
                Jdbc.texts(cols.get(1)),
                Jdbc.texts(cols.get(2)),
                Jdbc.texts(cols.get(3)),
                Jdbc.texts(cols.get(4)),
                Jdbc.texts(cols.get(5)),
                Jdbc.texts(cols.get(6)),
                Jdbc.texts(cols.get(7)),
                Jdbc.texts(cols.get(8)));
    }

    public Optional<DisposalBatch> find(String urn, UUID id) {
        return sql.one(
                "SELECT " + BATCH_COLUMNS + " FROM disposal_batch WHERE school_urn = ? AND id = ?",
                DisposalStore::readBatch,
                urn,
                id);
    }

    public Optional<DisposalBatch> findForUpdate(String urn, UUID id) {
        return sql.one(
                "SELECT " + BATCH_COLUMNS + " FROM disposal_batch WHERE school_urn = ? AND id = ? FOR UPDATE",
                DisposalStore::readBatch,
                urn,
                id);
    }

    public Page<DisposalBatch> page(String urn, DisposalBatch.Status status, PageRequest page) {
        StringBuilder query =
                new StringBuilder("SELECT " + BATCH_COLUMNS + " FROM disposal_batch WHERE school_urn = ?");
        List<Object> params = new ArrayList<>(List.of(urn));
        if (status != null) {
            query.append(" AND status = ?");
            params.add(status.name());
        }
        if (!page.isFirst()) {
            query.append(" AND (proposed_at, id) < (?, ?)");
            params.add(Params.cursorInstant(page, 0));
            params.add(Params.cursorId(page, 1));
        }
        query.append(" ORDER BY proposed_at DESC, id DESC LIMIT ?");
        params.add(page.fetchSize());
        return Page.fromRows(
                sql.list(query.toString(), DisposalStore::readBatch, params.toArray()),
                page,
                b -> List.of(b.proposedAt().toString(), b.id().toString()));
    }

    public Page<DisposalItem> items(String urn, UUID batchId, PageRequest page) {
        String after = page.isFirst() ? "" : " AND holding_id > ?";
        Object[] params = page.isFirst()
                ? new Object[] {urn, batchId, page.fetchSize()}
                : new Object[] {urn, batchId, Params.cursorId(page, 0), page.fetchSize()};
        return Page.fromRows(
                sql.list(
                        "SELECT " + ITEM_COLUMNS + " FROM disposal_item WHERE school_urn = ? AND batch_id = ?" + after
                                + " ORDER BY holding_id LIMIT ?",
                        DisposalStore::readItem,
                        params),
                page,
                i -> List.of(i.holdingId().toString()));
    }

    /** Every item of a batch, in holding order (approval and certificates). */
    public List<DisposalItem> allItems(String urn, UUID batchId) {
        return sql.list(
                "SELECT " + ITEM_COLUMNS
                        + " FROM disposal_item WHERE school_urn = ? AND batch_id = ? ORDER BY holding_id",
                DisposalStore::readItem,
                urn,
                batchId);
    }

    /** Records the decision on each item. */
    public void decide(String urn, UUID batchId, Collection<ApprovalPlan.Planned> planned) {
        List<String> ids = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> reviews = new ArrayList<>();
        List<String> nextSchools = new ArrayList<>();
        for (ApprovalPlan.Planned p : planned) {
            ids.add(p.holdingId().toString());
            decisions.add(p.outcome().name());
            reasons.add(p.reason());
            reviews.add(p.reviewOn() == null ? null : p.reviewOn().toString());
            nextSchools.add(p.nextSchoolUrn());
        }
        sql.customPlans();
        sql.update(
                """
                UPDATE disposal_item d SET decision = u.decision, decision_reason = u.reason, review_on = u.review_on::date,
                       next_school_urn = u.next_school
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(id, decision, reason, review_on, next_school)
                WHERE d.school_urn = ? AND d.batch_id = ? AND d.holding_id = ANY(?::uuid[]) AND d.holding_id = u.id::uuid
                """,
                Jdbc.texts(ids),
                Jdbc.texts(decisions),
                Jdbc.texts(reasons),
                Jdbc.texts(reviews),
                Jdbc.texts(nextSchools),
                urn,
                batchId,
                Jdbc.texts(ids));
    }

    public void approve(String urn, UUID batchId, DisposalBatch.Status status, String by, Instant at, String note) {
        sql.update("""
                UPDATE disposal_batch SET status = ?, approved_by = ?, approved_at = ?, approval_note = ?, completed_at = ?
                WHERE school_urn = ? AND id = ?
                """, status, by, at, note, status == DisposalBatch.Status.COMPLETED ? at : null, urn, batchId);
    }

    /** Records the confirmation on the item, dropping its link to the pupil (the certificate does not need it). */
    public void confirm(
            String urn,
            UUID batchId,
            UUID holdingId,
            LocalDate disposedOn,
            String method,
            String by,
            String caller,
            Instant at) {
        sql.update("""
                UPDATE disposal_item SET disposed_on = ?, method = ?, confirmed_by = ?, confirmed_by_caller = ?,
                       confirmed_at = ?, pupil_id = NULL
                WHERE school_urn = ? AND batch_id = ? AND holding_id = ?
                """, disposedOn, method, by, caller, at, urn, batchId, holdingId);
    }

    /** Completes the batch when no approved item awaits confirmation; true if it did now. */
    public boolean completeIfDone(String urn, UUID batchId, Instant at) {
        return sql.update("""
                UPDATE disposal_batch b SET status = 'COMPLETED', completed_at = ?
                WHERE b.school_urn = ? AND b.id = ? AND b.status = 'APPROVED'
                  AND NOT EXISTS (SELECT 1 FROM disposal_item d WHERE d.school_urn = b.school_urn AND d.batch_id = b.id
                                  AND d.decision IN ('DESTROY', 'TRANSFER') AND d.confirmed_at IS NULL)
                """, at, urn, batchId) > 0;
    }

    /** How many items of each value a column of the batch holds (e.g. per class), for summaries. */
    public Map<String, Integer> countBy(String urn, UUID batchId, String column) {
        if (!List.of("class_code", "proposed_action", "decision").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        sql.list(
                "SELECT coalesce(" + column
                        + ", 'UNDECIDED'), count(*) FROM disposal_item WHERE school_urn = ? AND batch_id = ? "
                        + "GROUP BY 1 ORDER BY 1",
                row -> counts.put(row.getString(1), row.getInt(2)),
                urn,
                batchId);
        return counts;
    }

    private static DisposalBatch readBatch(ResultSet row) throws SQLException {
        return new DisposalBatch(
                Jdbc.uuid(row, "id"),
                row.getString("school_urn"),
                DisposalBatch.Status.valueOf(row.getString("status")),
                Jdbc.date(row, "due_on_or_before"),
                row.getInt("item_count"),
                row.getString("proposed_by"),
                Jdbc.instant(row, "proposed_at"),
                row.getString("approved_by"),
                Jdbc.instant(row, "approved_at"),
                row.getString("approval_note"),
                Jdbc.instant(row, "completed_at"));
    }

    private static DisposalItem readItem(ResultSet row) throws SQLException {
        String decision = row.getString("decision");
        return new DisposalItem(
                Jdbc.uuid(row, "batch_id"),
                Jdbc.uuid(row, "holding_id"),
                row.getString("class_code"),
                row.getString("pupil_id"),
                row.getString("system"),
                row.getString("reference"),
                Jdbc.date(row, "created_on"),
                Jdbc.date(row, "closed_on"),
                Jdbc.date(row, "due_on"),
                DisposalAction.valueOf(row.getString("proposed_action")),
                decision == null ? null : ApprovalPlan.Outcome.valueOf(decision),
                row.getString("decision_reason"),
                Jdbc.date(row, "review_on"),
                row.getString("next_school_urn"),
                Jdbc.date(row, "disposed_on"),
                row.getString("method"),
                row.getString("confirmed_by"),
                row.getString("confirmed_by_caller"),
                Jdbc.instant(row, "confirmed_at"));
    }
}
