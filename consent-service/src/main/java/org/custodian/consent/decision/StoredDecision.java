package org.custodian.consent.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.custodian.platform.jdbc.Jdbc;

/** A decision row as stored: what was decided, by whom, how, and who recorded it. */
public record StoredDecision(
        String decisionId,
        String pupilId,
        String purpose,
        int purposeVersion,
        Decision decision,
        Giver giver,
        String relationship,
        Method method,
        String evidenceRef,
        LocalDate evidenceDate,
        LocalDate validUntil,
        Instant recordedAt,
        String recordedBy,
        String recordedByRole) {

    RecordedDecision asRecorded() {
        return new RecordedDecision(decisionId, giver, decision, purposeVersion, recordedAt, validUntil);
    }

    static StoredDecision map(ResultSet rs) throws SQLException {
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
