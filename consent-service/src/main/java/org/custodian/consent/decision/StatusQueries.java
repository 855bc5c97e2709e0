package org.custodian.consent.decision;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.platform.jdbc.Jdbc;

/** The SQL of the stored effective statuses: one indexed read for the hot paths, batched upserts for recomputation. */
@ApplicationScoped
public class StatusQueries {

    private static final String UPSERT = """
            INSERT INTO consent_status (school_urn, pupil_id, purpose_code, status, effective_version, valid_until, recompute_on)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_urn, pupil_id, purpose_code) DO UPDATE SET status = EXCLUDED.status,
                effective_version = EXCLUDED.effective_version, valid_until = EXCLUDED.valid_until,
                recompute_on = EXCLUDED.recompute_on, updated_at = now()
            """;

    private final Jdbc db;

    public StatusQueries(Jdbc db) {
        this.db = db;
    }

    /** Rows of (urn, pupil, purpose, status, effective version, valid until, recompute on). */
    public void upsert(List<Object[]> rows) {
        db.batch(UPSERT, rows);
    }

    public void upsert(Object... row) {
        db.update(UPSERT, row);
    }

    /** Every stored status of some pupils. */
    public List<StoredStatus> ofPupils(String urn, Collection<String> pupilIds) {
        return db.list(
                "SELECT pupil_id, purpose_code, status, effective_version, valid_until FROM consent_status"
                        + " WHERE school_urn = ? AND pupil_id = ANY (?)",
                StatusQueries::status,
                urn,
                pupilIds);
    }

    /** The stored statuses of some pupils for some purposes: one indexed read. */
    public List<StoredStatus> stored(String urn, Collection<String> pupilIds, Collection<String> purposeCodes) {
        return db.list("""
                SELECT pupil_id, purpose_code, status, effective_version, valid_until FROM consent_status
                WHERE school_urn = ? AND pupil_id = ANY (?) AND purpose_code = ANY (?)
                """, StatusQueries::status, urn, pupilIds, purposeCodes);
    }

    /** Pupils whose statuses the passing of time may have changed by {@code day}, by school. */
    public Map<String, List<String>> dueForRecheck(LocalDate day, int limit) {
        Map<String, List<String>> bySchool = new HashMap<>();
        db.list(
                "SELECT DISTINCT school_urn, pupil_id FROM consent_status WHERE recompute_on <= ? LIMIT ?",
                rs -> bySchool.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)),
                day,
                limit);
        return bySchool;
    }

    /** Pupils of a school with any decision (for one purpose, or any), in id order, a page at a time. */
    public List<String> pupilsWithDecisions(String urn, String purposeCode, String after, int limit) {
        return db.list("""
                SELECT DISTINCT pupil_id FROM consent_decision
                WHERE school_urn = ? AND (?::text IS NULL OR purpose_code = ?) AND pupil_id > ?
                ORDER BY pupil_id LIMIT ?
                """, rs -> rs.getString(1), urn, purposeCode, purposeCode, after, limit);
    }

    static StoredStatus status(ResultSet rs) throws SQLException {
        return new StoredStatus(
                rs.getString("pupil_id"),
                rs.getString("purpose_code"),
                ConsentStatus.valueOf(rs.getString("status")),
                Jdbc.integer(rs, "effective_version"),
                Jdbc.date(rs, "valid_until"));
    }
}
