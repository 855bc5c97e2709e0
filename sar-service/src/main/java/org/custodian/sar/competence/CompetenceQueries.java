package org.custodian.sar.competence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.custodian.platform.jdbc.Jdbc;

/** The stored competence assessments: one current assessment per pupil. */
@ApplicationScoped
public class CompetenceQueries {

    /** An assessment as stored. */
    public record Assessment(
            String pupilId,
            boolean competent,
            LocalDate assessedOn,
            String reason,
            String assessedBy,
            Instant recordedAt) {}

    private final Jdbc sql;

    public CompetenceQueries(Jdbc sql) {
        this.sql = sql;
    }

    public Optional<Assessment> find(String urn, String pupilId) {
        return sql.one(
                """
                SELECT pupil_id, competent, assessed_on, reason, assessed_by, recorded_at FROM competence_assessment
                WHERE school_urn = ? AND pupil_id = ?
                """,
                r -> new Assessment(
                        r.getString(1),
                        r.getBoolean(2),
                        r.getObject(3, LocalDate.class),
                        r.getString(4),
                        r.getString(5),
                        r.getObject(6, OffsetDateTime.class).toInstant()),
                urn,
                pupilId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String urn, Assessment a) {
        sql.update(
                """
                INSERT INTO competence_assessment (school_urn, pupil_id, competent, assessed_on, reason, assessed_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, pupil_id) DO UPDATE SET competent = excluded.competent,
                    assessed_on = excluded.assessed_on, reason = excluded.reason, assessed_by = excluded.assessed_by,
                    recorded_at = excluded.recorded_at
                """,
                urn,
                a.pupilId(),
                a.competent(),
                a.assessedOn(),
                a.reason(),
                a.assessedBy(),
                OffsetDateTime.ofInstant(a.recordedAt(), ZoneOffset.UTC));
    }
}
