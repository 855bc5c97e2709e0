package org.custodian.consent.decision;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.custodian.platform.jdbc.Jdbc;

/** The SQL of the append-only decision log. */
@ApplicationScoped
public class DecisionQueries {

    private static final String COLUMNS = """
            decision_id, pupil_id, purpose_code, purpose_version, decision, given_by_type, given_by_id, relationship, method,
            evidence_ref, evidence_date, valid_until, recorded_at, recorded_by, recorded_by_role
            """;

    private final Jdbc db;

    public DecisionQueries(Jdbc db) {
        this.db = db;
    }

    public void insert(String urn, StoredDecision d) {
        db.update(
                """
                INSERT INTO consent_decision (school_urn, decision_id, pupil_id, purpose_code, purpose_version, decision,
                    given_by_type, given_by_id, relationship, method, evidence_ref, evidence_date, valid_until, recorded_at,
                    recorded_by, recorded_by_role)
                VALUES (?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                urn,
                d.decisionId(),
                d.pupilId(),
                d.purpose(),
                d.purposeVersion(),
                d.decision(),
                d.giver().type(),
                d.giver().id(),
                d.relationship(),
                d.method(),
                d.evidenceRef(),
                d.evidenceDate(),
                d.validUntil(),
                d.recordedAt(),
                d.recordedBy(),
                d.recordedByRole());
    }

    /** Every decision about a pupil, oldest first. */
    public List<StoredDecision> history(String urn, String pupilId) {
        return db.list(
                "SELECT " + COLUMNS + " FROM consent_decision WHERE school_urn = ? AND pupil_id = ?"
                        + " ORDER BY recorded_at, decision_id",
                DecisionQueries::decision,
                urn,
                pupilId);
    }

    /** Every decision about some pupils, oldest first. */
    public List<StoredDecision> ofPupils(String urn, Collection<String> pupilIds) {
        return db.list(
                "SELECT " + COLUMNS + " FROM consent_decision WHERE school_urn = ? AND pupil_id = ANY (?)"
                        + " ORDER BY recorded_at, decision_id",
                DecisionQueries::decision,
                urn,
                pupilIds);
    }

    private static StoredDecision decision(ResultSet rs) throws SQLException {
        return new StoredDecision(
                rs.getString("decision_id"),
                rs.getString("pupil_id"),
                rs.getString("purpose_code"),
                rs.getInt("purpose_version"),
                Decision.valueOf(rs.getString("decision")),
                new Giver(Giver.Type.valueOf(rs.getString("given_by_type")), rs.getString("given_by_id")),
                rs.getString("relationship"),
                Method.valueOf(rs.getString("method")),
                rs.getString("evidence_ref"),
                Jdbc.date(rs, "evidence_date"),
                Jdbc.date(rs, "valid_until"),
                Jdbc.instant(rs, "recorded_at"),
                rs.getString("recorded_by"),
                rs.getString("recorded_by_role"));
    }
}
