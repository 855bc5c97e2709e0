package org.custodian.consent.changes;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;

/** The SQL of the MIS changes feed ({@code roster_change}). */
@ApplicationScoped
public class ChangeQueries {

    /** One stored entry and its place in the school's feed. */
    public record Stored(long seq, ChangeView change) {}

    private final Jdbc db;

    public ChangeQueries(Jdbc db) {
        this.db = db;
    }

    public void insert(String urn, NewChange c) {
        db.update(
                """
                INSERT INTO roster_change (school_urn, change_id, kind, changed_at, changed_by_role, pupil_id, guardian_id,
                    purpose_code, decision, decision_id, given_by_type, status, outcome, changed_fields)
                VALUES (?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?::uuid, ?, ?, ?, ?)
                """,
                urn,
                UUID.randomUUID().toString(),
                c.kind(),
                c.at(),
                c.byRole(),
                c.pupilId(),
                c.guardianId(),
                c.purpose(),
                c.decision(),
                c.decisionId(),
                c.givenByType(),
                c.status(),
                c.outcome(),
                Jdbc.texts(c.changedFields()));
    }

    /** The school's entries after {@code seq}, oldest first, at most {@code limit}. */
    public List<Stored> after(String urn, long seq, int limit) {
        return db.list("""
                SELECT seq, change_id, kind, changed_at, changed_by_role, pupil_id, guardian_id, purpose_code, decision,
                    decision_id, given_by_type, status, outcome, changed_fields
                FROM roster_change WHERE school_urn = ? AND seq > ? ORDER BY seq LIMIT ?
                """, ChangeQueries::stored, urn, seq, limit);
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        UUID decisionId = Jdbc.uuid(rs, "decision_id");
        return new Stored(
                rs.getLong("seq"),
                new ChangeView(
                        rs.getString("change_id"),
                        ChangeKind.valueOf(rs.getString("kind")),
                        Jdbc.instant(rs, "changed_at"),
                        rs.getString("changed_by_role"),
                        rs.getString("pupil_id"),
                        rs.getString("guardian_id"),
                        rs.getString("purpose_code"),
                        rs.getString("decision"),
                        decisionId == null ? null : decisionId.toString(),
                        rs.getString("given_by_type"),
                        rs.getString("status"),
                        rs.getString("outcome"),
                        Jdbc.strings(rs, "changed_fields")));
    }
}
