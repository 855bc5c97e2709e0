package org.custodian.retention.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.jdbc.NamedSql;

/**
 * The SQL of announcing the IRMS defaults (tables {@code schedule_default_announced} and
 * {@code schedule_default_revision_announced}, from Flyway, SQL-only): the row that claims a school's first announcement
 * for one transaction, and which revised default classes an announced school has still to hear about again. Times are
 * the service's clock, bound.
 */
@ApplicationScoped
public class DefaultAnnouncementQueries {

    /** Claims a school's announcement: no row when another transaction announced it first. */
    static final NamedSql CLAIM_SCHOOL = NamedSql.parse("""
            INSERT INTO schedule_default_announced (school_urn, announced_at)
            VALUES (:'school', :'announced_at')
            ON CONFLICT DO NOTHING
            """);

    /**
     * Notes every revision of the defaults there is as carried by a school's first announcement (its rules were read
     * from the revised code).
     */
    static final NamedSql CARRY_REVISIONS = NamedSql.parse("""
            INSERT INTO schedule_default_revision_announced (school_urn, class_code, revision, announced_at)
            SELECT :'school', r.class_code, r.revision, :'announced_at'
            FROM schedule_default_revision r
            ON CONFLICT DO NOTHING
            """);

    /** Every announced school and revised class with a revision the school has not heard (one row per pair). */
    static final NamedSql PENDING_REVISIONS = NamedSql.parse("""
            SELECT s.school_urn, r.class_code
            FROM schedule_default_announced s
            CROSS JOIN schedule_default_revision r
            WHERE NOT EXISTS (SELECT 1 FROM schedule_default_revision_announced a
                              WHERE a.school_urn = s.school_urn AND a.class_code = r.class_code
                                AND a.revision = r.revision)
            GROUP BY s.school_urn, r.class_code
            ORDER BY 1, 2
            """);

    /** Claims the revisions of a class a school has not heard: no row when another transaction claimed them first. */
    static final NamedSql CLAIM_REVISIONS = NamedSql.parse("""
            INSERT INTO schedule_default_revision_announced (school_urn, class_code, revision, announced_at)
            SELECT :'school', r.class_code, r.revision, :'announced_at'
            FROM schedule_default_revision r
            WHERE r.class_code = :'class_code'
            ON CONFLICT DO NOTHING
            """);

    private final Jdbc sql;

    public DefaultAnnouncementQueries(Jdbc sql) {
        this.sql = sql;
    }

    /**
     * Whether this transaction claimed the school's first announcement (false: it was announced already, or is being
     * announced by a transaction that then commits); a claim also notes the revisions it carries.
     */
    public boolean claimSchool(String urn, Instant at) {
        Map<String, Object> values = Map.of("school", urn, "announced_at", at);
        if (sql.update(CLAIM_SCHOOL.jdbc(), CLAIM_SCHOOL.params(values)) == 0) {
            return false;
        }
        sql.update(CARRY_REVISIONS.jdbc(), CARRY_REVISIONS.params(values));
        return true;
    }

    public List<DefaultAnnouncementService.PendingRevision> pendingRevisions() {
        return sql.list(
                PENDING_REVISIONS.jdbc(),
                DefaultAnnouncementQueries::pendingRevision,
                PENDING_REVISIONS.params(Map.of()));
    }

    /** Whether this transaction claimed the class's unheard revisions for the school (false: another did). */
    public boolean claimRevisions(DefaultAnnouncementService.PendingRevision p, Instant at) {
        return sql.update(
                        CLAIM_REVISIONS.jdbc(),
                        CLAIM_REVISIONS.params(
                                Map.of("school", p.urn(), "class_code", p.classCode(), "announced_at", at)))
                > 0;
    }

    private static DefaultAnnouncementService.PendingRevision pendingRevision(ResultSet row) throws SQLException {
        return new DefaultAnnouncementService.PendingRevision(row.getString("school_urn"), row.getString("class_code"));
    }
}
