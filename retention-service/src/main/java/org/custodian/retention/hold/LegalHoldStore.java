package org.custodian.retention.hold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.retention.support.Params;

/** Legal holds (table {@code legal_hold}); released holds are kept as the record of what was held and why. */
@ApplicationScoped
public class LegalHoldStore {

    private static final String COLUMNS = """
            id, school_urn, scope, pupil_id, class_code, reason, reference, placed_by, placed_at, ends_on, released_at,
            released_how, released_by, release_reason
            """;

    private final Jdbc sql;

    @Inject
    public LegalHoldStore(Jdbc sql) {
        this.sql = sql;
    }

    public void insert(LegalHold hold) {
        sql.update(
                """
                        INSERT INTO legal_hold (school_urn, id, scope, pupil_id, class_code, reason, reference, placed_by,
                                                placed_at, ends_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                hold.schoolUrn(),
                hold.id(),
                hold.scope(),
                hold.pupilId(),
                hold.classCode(),
                hold.reason(),
                hold.reference(),
                hold.placedBy(),
                hold.placedAt(),
                hold.endsOn());
    }

    public Optional<LegalHold> find(String urn, UUID id) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM legal_hold WHERE school_urn = ? AND id = ?",
                LegalHoldStore::read,
                urn,
                id);
    }

    public Optional<LegalHold> findForUpdate(String urn, UUID id) {
        return sql.one(
                "SELECT " + COLUMNS + " FROM legal_hold WHERE school_urn = ? AND id = ? FOR UPDATE",
                LegalHoldStore::read,
                urn,
                id);
    }

    /** A school's holds, newest first; {@code activeOnly} leaves out released ones. */
    public Page<LegalHold> page(String urn, boolean activeOnly, PageRequest page) {
        String filter = activeOnly ? " AND released_at IS NULL" : "";
        String after = page.isFirst() ? "" : " AND (placed_at, id) < (?, ?)";
        Object[] params = page.isFirst()
                ? new Object[] {urn, page.fetchSize()}
                : new Object[] {urn, Params.cursorInstant(page, 0), Params.cursorId(page, 1), page.fetchSize()};
        List<LegalHold> rows = sql.list(
                "SELECT " + COLUMNS + " FROM legal_hold WHERE school_urn = ?" + filter + after
                        + " ORDER BY placed_at DESC, id DESC LIMIT ?",
                LegalHoldStore::read,
                params);
        return Page.fromRows(rows, page, h -> List.of(h.placedAt().toString(), h.id().toString()));
    }

    /** The holds not yet released (some may have passed their end and await the daily job). */
    public List<LegalHold> unreleased(String urn) {
        return sql.list(
                "SELECT " + COLUMNS + " FROM legal_hold WHERE school_urn = ? AND released_at IS NULL",
                LegalHoldStore::read,
                urn);
    }

    /** The rules of the holds that apply to a school today. */
    public List<HoldRule> activeRules(String urn, LocalDate today) {
        return unreleased(urn).stream()
                .map(LegalHold::rule)
                .filter(r -> r.appliesOn(today))
                .toList();
    }

    public void release(String urn, UUID id, String how, String by, Instant at, String reason) {
        sql.update("""
                UPDATE legal_hold SET released_at = ?, released_how = ?, released_by = ?, release_reason = ?
                WHERE school_urn = ? AND id = ? AND released_at IS NULL
                """, at, how, by, reason, urn, id);
    }

    /** Holds whose end date has passed but that are not marked released yet, locked for the caller. */
    public List<LegalHold> endedBefore(String urn, LocalDate today) {
        return sql.list(
                "SELECT " + COLUMNS + " FROM legal_hold WHERE school_urn = ? AND released_at IS NULL AND ends_on < ? "
                        + "FOR UPDATE SKIP LOCKED",
                LegalHoldStore::read,
                urn,
                today);
    }

    /** Schools with a hold whose end date has passed, for the daily job. */
    public List<String> schoolsWithEndedHolds(LocalDate today) {
        return sql.list(
                "SELECT DISTINCT school_urn FROM legal_hold WHERE released_at IS NULL AND ends_on < ?",
                row -> row.getString(1),
                today);
    }

    private static LegalHold read(ResultSet row) throws SQLException {
        return new LegalHold(
                Jdbc.uuid(row, "id"),
                row.getString("school_urn"),
                HoldScope.valueOf(row.getString("scope")),
                row.getString("pupil_id"),
                row.getString("class_code"),
                row.getString("reason"),
                row.getString("reference"),
                row.getString("placed_by"),
                Jdbc.instant(row, "placed_at"),
                Jdbc.date(row, "ends_on"),
                Jdbc.instant(row, "released_at"),
                row.getString("released_how"),
                row.getString("released_by"),
                row.getString("release_reason"));
    }
}
