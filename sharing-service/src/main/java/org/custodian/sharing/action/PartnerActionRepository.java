package org.custodian.sharing.action;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.sharing.action.ActionRules.Acknowledgement;
import org.custodian.sharing.action.ActionRules.Closure;
import org.custodian.sharing.action.ActionRules.Completion;
import org.custodian.sharing.action.ActionRules.Dispute;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.actionkind.CompletionOutcome;

/** Partner actions: opened in bulk, answered one at a time under a row lock, read by partner, pupil and status. */
@ApplicationScoped
public class PartnerActionRepository {

    // recipient is an entity (RecipientRepository); the joins below only read its name into these set-based lists
    private static final String SELECT = """
            SELECT a.*, r.name AS recipient_name,
                   (SELECT min(d.last_attempt_at) FROM webhook_delivery d
                     WHERE d.school_urn = a.school_urn AND d.message_id = a.message_id AND d.status = 'SUCCEEDED') AS delivered_at
            FROM partner_action a JOIN recipient r ON r.school_urn = a.school_urn AND r.id = a.recipient_id
            """;
    private static final String WAITING = "('OPEN', 'ACKNOWLEDGED', 'OVERDUE')";

    /** An action to open. */
    public record NewAction(
            UUID id,
            UUID recipientId,
            String pupilId,
            ActionKind kind,
            String causeType,
            String causeEventId,
            String causeReference,
            String messageId,
            Collection<String> dataCategories,
            Collection<String> agreementIds,
            LocalDate dueOn) {}

    /** Filters of the list; null or empty means any. */
    public record Filter(UUID recipientId, String pupilId, Set<ActionStatus> statuses, ActionKind kind) {}

    /** How many actions of a partner or a pupil stand in each status. */
    public record Counts(
            long open,
            long acknowledged,
            long overdue,
            long disputed,
            long completed,
            long closed,
            LocalDate earliestDueBy) {}

    public record RecipientCounts(UUID recipientId, String recipientName, Counts actions) {}

    public record PupilCounts(String pupilId, Counts actions) {}

    private final Jdbc jdbc;

    PartnerActionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAll(String urn, List<NewAction> actions, Instant at) {
        List<Object[]> rows = new ArrayList<>(actions.size());
        for (NewAction a : actions) {
            rows.add(new Object[] {
                urn,
                a.id(),
                a.recipientId(),
                a.pupilId(),
                a.kind(),
                a.causeType(),
                a.causeEventId(),
                a.causeReference(),
                a.messageId(),
                a.dataCategories(),
                a.agreementIds(),
                a.dueOn(),
                at,
                at
            });
        }
        jdbc.batch("""
                INSERT INTO partner_action (school_urn, id, recipient_id, pupil_id, kind, cause_type, cause_event_id,
                    cause_reference, message_id, data_categories, agreement_ids, status, due_on, opened_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, rows);
    }

    public Optional<PartnerAction> find(String urn, UUID id) {
        return jdbc.one(SELECT + " WHERE a.school_urn = ? AND a.id = ?", PartnerActionRepository::map, urn, id);
    }

    /** The action, locked for the rest of the transaction (answers to one action are taken one at a time). */
    public Optional<PartnerAction> findForUpdate(String urn, UUID id) {
        return jdbc.one(
                SELECT + " WHERE a.school_urn = ? AND a.id = ? FOR UPDATE OF a", PartnerActionRepository::map, urn, id);
    }

    /** Newest first. */
    public Page<PartnerAction> page(String urn, Filter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE a.school_urn = ?");
        List<Object> params = new ArrayList<>(List.of(urn));
        if (filter.recipientId() != null) {
            sql.append(" AND a.recipient_id = ?");
            params.add(filter.recipientId());
        }
        if (filter.pupilId() != null) {
            sql.append(" AND a.pupil_id = ?");
            params.add(filter.pupilId());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            sql.append(" AND a.status = ANY(?)");
            params.add(filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.kind() != null) {
            sql.append(" AND a.kind = ?");
            params.add(filter.kind());
        }
        if (!page.isFirst()) {
            sql.append(" AND (a.opened_at, a.id) < (?, ?)");
            params.add(page.afterInstant(0));
            params.add(page.afterUuid(1));
        }
        sql.append(" ORDER BY a.opened_at DESC, a.id DESC LIMIT ?");
        params.add(page.fetchSize());
        return Page.fromRows(
                jdbc.list(sql.toString(), PartnerActionRepository::map, params.toArray()),
                page,
                a -> List.of(a.openedAt().toString(), a.id().toString()));
    }

    /** Every action about one pupil, oldest first (for the subject export). */
    public List<PartnerAction> aboutPupil(String urn, String pupilId) {
        return jdbc.list(
                SELECT + " WHERE a.school_urn = ? AND a.pupil_id = ? ORDER BY a.opened_at, a.id",
                PartnerActionRepository::map,
                urn,
                pupilId);
    }

    // --- answers (the row is locked by findForUpdate) ---

    public void acknowledged(PartnerAction a, ActionStatus next, Instant at, Acknowledgement ack) {
        answered(a, "acknowledged_at = ?, acknowledgement_note = ?", next, at, at, ack.note());
    }

    public void completed(PartnerAction a, Instant at, Completion c) {
        answered(
                a,
                """
                completed_at = ?, completion_performed_at = ?, completion_outcome = ?, completion_record_count = ?,
                completion_reference = ?, completion_note = ?""",
                ActionStatus.COMPLETED,
                at,
                at,
                c.performedAt(),
                c.outcome(),
                c.recordCount(),
                c.reference(),
                c.note());
    }

    public void disputed(PartnerAction a, Instant at, Dispute d) {
        answered(
                a,
                "disputed_at = ?, dispute_reason = ?, dispute_legal_reference = ?",
                ActionStatus.DISPUTED,
                at,
                at,
                d.reason(),
                d.legalReference());
    }

    public void closed(PartnerAction a, Instant at, String by, Closure c) {
        answered(a, "closed_at = ?, closed_by = ?, closure_note = ?", ActionStatus.CLOSED, at, at, by, c.note());
    }

    private void answered(PartnerAction a, String columns, ActionStatus next, Instant at, Object... values) {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.addAll(List.of(next, at, a.schoolUrn(), a.id(), a.version()));
        int updated = jdbc.update(
                "UPDATE partner_action SET " + columns
                        + ", status = ?, version = version + 1, updated_at = ? WHERE school_urn = ? AND id = ? AND version = ?",
                params.toArray());
        if (updated != 1) {
            throw new IllegalStateException("partner action " + a.id() + " changed while locked");
        }
    }

    // --- the daily job ---

    /** Actions still waiting whose last day is before {@code today}; rows being answered right now are skipped. */
    public List<PartnerAction> waitingPastDue(LocalDate today, int limit) {
        return jdbc.list(SELECT + """
                 WHERE a.status IN ('OPEN', 'ACKNOWLEDGED') AND a.due_on < ?
                 ORDER BY a.due_on, a.school_urn, a.id LIMIT ? FOR UPDATE OF a SKIP LOCKED
                """, PartnerActionRepository::map, today, limit);
    }

    /** Overdue actions last reminded before {@code before}. */
    public List<PartnerAction> overdueToRemind(Instant before, int limit) {
        return jdbc.list(SELECT + """
                 WHERE a.status = 'OVERDUE' AND a.last_reminder_at < ?
                 ORDER BY a.last_reminder_at, a.school_urn, a.id LIMIT ? FOR UPDATE OF a SKIP LOCKED
                """, PartnerActionRepository::map, before, limit);
    }

    public void markOverdue(PartnerAction a, Instant at) {
        jdbc.update("""
                UPDATE partner_action SET status = 'OVERDUE', overdue_since = ?, reminders = reminders + 1,
                       last_reminder_at = ?, version = version + 1, updated_at = ?
                WHERE school_urn = ? AND id = ?
                """, at, at, at, a.schoolUrn(), a.id());
    }

    public void reminded(PartnerAction a, Instant at) {
        jdbc.update("""
                UPDATE partner_action SET reminders = reminders + 1, last_reminder_at = ?, version = version + 1, updated_at = ?
                WHERE school_urn = ? AND id = ?
                """, at, at, a.schoolUrn(), a.id());
    }

    // --- the DPO's views ---

    private static final String COUNTS = """
            count(*) FILTER (WHERE a.status = 'OPEN'), count(*) FILTER (WHERE a.status = 'ACKNOWLEDGED'),
            count(*) FILTER (WHERE a.status = 'OVERDUE'), count(*) FILTER (WHERE a.status = 'DISPUTED'),
            count(*) FILTER (WHERE a.status = 'COMPLETED'), count(*) FILTER (WHERE a.status = 'CLOSED'),
            min(a.due_on) FILTER (WHERE a.status IN""" + " " + WAITING + ") AS earliest";
    private static final String UNRESOLVED =
            " HAVING count(*) FILTER (WHERE a.status IN ('OPEN', 'ACKNOWLEDGED', 'OVERDUE', 'DISPUTED')) > 0";

    /** Per partner, by name. */
    public Page<RecipientCounts> byRecipient(String urn, boolean unresolvedOnly, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT a.recipient_id, r.name, " + COUNTS
                + " FROM partner_action a JOIN recipient r ON r.school_urn = a.school_urn AND r.id = a.recipient_id"
                + " WHERE a.school_urn = ?");
        List<Object> params = new ArrayList<>(List.of(urn));
        if (!page.isFirst()) {
            sql.append(" AND (r.name, r.id) > (?, ?)");
            params.add(page.after(0));
            params.add(page.afterUuid(1));
        }
        sql.append(" GROUP BY a.recipient_id, r.name, r.id")
                .append(unresolvedOnly ? UNRESOLVED : "")
                .append(" ORDER BY r.name, r.id LIMIT ?");
        params.add(page.fetchSize());
        return Page.fromRows(
                jdbc.list(
                        sql.toString(),
                        row -> new RecipientCounts(row.getObject(1, UUID.class), row.getString(2), counts(row, 3)),
                        params.toArray()),
                page,
                c -> List.of(c.recipientName(), c.recipientId().toString()));
    }

    /** Per pupil, by pupil id. */
    public Page<PupilCounts> byPupil(String urn, boolean unresolvedOnly, PageRequest page) {
        StringBuilder sql =
                new StringBuilder("SELECT a.pupil_id, " + COUNTS + " FROM partner_action a WHERE a.school_urn = ?");
        List<Object> params = new ArrayList<>(List.of(urn));
        if (!page.isFirst()) {
            sql.append(" AND a.pupil_id > ?");
            params.add(page.after(0));
        }
        sql.append(" GROUP BY a.pupil_id")
                .append(unresolvedOnly ? UNRESOLVED : "")
                .append(" ORDER BY a.pupil_id LIMIT ?");
        params.add(page.fetchSize());
        return Page.fromRows(
                jdbc.list(sql.toString(), row -> new PupilCounts(row.getString(1), counts(row, 2)), params.toArray()),
                page,
                c -> List.of(c.pupilId()));
    }

    private static Counts counts(ResultSet row, int first) throws SQLException {
        return new Counts(
                row.getLong(first),
                row.getLong(first + 1),
                row.getLong(first + 2),
                row.getLong(first + 3),
                row.getLong(first + 4),
                row.getLong(first + 5),
                Jdbc.date(row, "earliest"));
    }

    static PartnerAction map(ResultSet row) throws SQLException {
        String outcome = row.getString("completion_outcome");
        Instant completedAt = Jdbc.instant(row, "completed_at");
        Instant acknowledgedAt = Jdbc.instant(row, "acknowledged_at");
        Instant disputedAt = Jdbc.instant(row, "disputed_at");
        Instant closedAt = Jdbc.instant(row, "closed_at");
        return new PartnerAction(
                row.getObject("id", UUID.class),
                row.getString("school_urn"),
                row.getObject("recipient_id", UUID.class),
                row.getString("recipient_name"),
                row.getString("pupil_id"),
                ActionKind.valueOf(row.getString("kind")),
                row.getString("cause_type"),
                row.getString("cause_event_id"),
                row.getString("cause_reference"),
                row.getString("message_id"),
                Jdbc.strings(row, "data_categories"),
                Jdbc.strings(row, "agreement_ids"),
                ActionStatus.valueOf(row.getString("status")),
                Jdbc.instant(row, "opened_at"),
                Jdbc.date(row, "due_on"),
                acknowledgedAt,
                acknowledgedAt == null ? null : new Acknowledgement(row.getString("acknowledgement_note")),
                completedAt,
                completedAt == null
                        ? null
                        : new Completion(
                                Jdbc.instant(row, "completion_performed_at"),
                                CompletionOutcome.valueOf(outcome),
                                row.getLong("completion_record_count"),
                                row.getString("completion_reference"),
                                row.getString("completion_note")),
                disputedAt,
                disputedAt == null
                        ? null
                        : new Dispute(row.getString("dispute_reason"), row.getString("dispute_legal_reference")),
                Jdbc.instant(row, "overdue_since"),
                row.getInt("reminders"),
                Jdbc.instant(row, "last_reminder_at"),
                closedAt,
                row.getString("closed_by"),
                closedAt == null ? null : new Closure(row.getString("closure_note")),
                Jdbc.instant(row, "delivered_at"),
                row.getLong("version"),
                Jdbc.instant(row, "updated_at"));
    }
}
