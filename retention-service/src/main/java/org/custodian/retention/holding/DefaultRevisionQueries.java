package org.custodian.retention.holding;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.jdbc.NamedSql;

/**
 * The SQL of revised IRMS defaults (tables {@code schedule_default_revision}, from Flyway, and
 * {@code schedule_default_applied}): which (school, class, revision) are still to re-date, everywhere or in one school,
 * and the row that claims one for a transaction and records what it did. Times are the service's clock, bound.
 */
@ApplicationScoped
public class DefaultRevisionQueries {

    /** Every school's holdings of a revised class whose revision the school has not had yet. */
    static final NamedSql PENDING = NamedSql.parse("""
            SELECT DISTINCT h.school_urn, r.class_code, r.revision
            FROM schedule_default_revision r
            JOIN holding h ON h.class_code = r.class_code
            WHERE NOT EXISTS (SELECT 1 FROM schedule_default_applied a
                              WHERE a.school_urn = h.school_urn AND a.class_code = r.class_code
                                AND a.revision = r.revision)
            ORDER BY 1, 2, 3
            """);

    /** The same, in one school. */
    static final NamedSql PENDING_IN_SCHOOL = NamedSql.parse("""
            SELECT :'school' AS school_urn, r.class_code, r.revision
            FROM schedule_default_revision r
            WHERE EXISTS (SELECT 1 FROM holding h WHERE h.school_urn = :'school' AND h.class_code = r.class_code)
              AND NOT EXISTS (SELECT 1 FROM schedule_default_applied a
                              WHERE a.school_urn = :'school' AND a.class_code = r.class_code
                                AND a.revision = r.revision)
            ORDER BY 2, 3
            """);

    /** Claims a revision for a school: no row when another transaction applied it first. */
    static final NamedSql CLAIM = NamedSql.parse("""
            INSERT INTO schedule_default_applied (school_urn, class_code, revision, examined, changed, applied_at)
            VALUES (:'school', :'class_code', :revision, 0, 0, :'applied_at')
            ON CONFLICT DO NOTHING
            """);

    /** What re-dating under the claimed revision did. */
    static final NamedSql RECORD_OUTCOME = NamedSql.parse("""
            UPDATE schedule_default_applied SET examined = :examined, changed = :changed
            WHERE school_urn = :'school' AND class_code = :'class_code' AND revision = :revision
            """);

    private final Jdbc sql;

    public DefaultRevisionQueries(Jdbc sql) {
        this.sql = sql;
    }

    public List<DefaultRevisionService.Pending> pending() {
        return sql.list(PENDING.jdbc(), DefaultRevisionQueries::pending, PENDING.params(Map.of()));
    }

    public List<DefaultRevisionService.Pending> pendingInSchool(String urn) {
        return sql.list(
                PENDING_IN_SCHOOL.jdbc(),
                DefaultRevisionQueries::pending,
                PENDING_IN_SCHOOL.params(Map.of("school", urn)));
    }

    /** Whether this transaction claimed the revision for the school (false: it was applied already). */
    public boolean claim(DefaultRevisionService.Pending p, Instant at) {
        return sql.update(
                        CLAIM.jdbc(),
                        CLAIM.params(Map.of(
                                "school",
                                p.urn(),
                                "class_code",
                                p.classCode(),
                                "revision",
                                p.revision(),
                                "applied_at",
                                at)))
                > 0;
    }

    public void recordOutcome(DefaultRevisionService.Pending p, DueService.Summary summary) {
        sql.update(
                RECORD_OUTCOME.jdbc(),
                RECORD_OUTCOME.params(Map.of(
                        "school",
                        p.urn(),
                        "class_code",
                        p.classCode(),
                        "revision",
                        p.revision(),
                        "examined",
                        summary.examined(),
                        "changed",
                        summary.changed())));
    }

    private static DefaultRevisionService.Pending pending(ResultSet row) throws SQLException {
        return new DefaultRevisionService.Pending(
                row.getString("school_urn"), row.getString("class_code"), row.getInt("revision"));
    }
}
