package org.custodian.retention.disposal;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.jdbc.NamedSql;
import org.custodian.retention.schedule.DisposalAction;

/**
 * The set-based SQL of disposal, on the register (table {@code holding}) and the holds: which holdings are due and
 * unheld (the due query, shared with bench/due-query.sh), which schools have any, and the school's disposal lock.
 */
@ApplicationScoped
public class DisposalQueries {

    static final NamedSql DUE_UNHELD = NamedSql.resource("sql/due-unheld.sql");

    private static final String SCHOOLS_WITH_DUE_HOLDINGS = """
            WITH RECURSIVE schools AS (
                SELECT min(school_urn) AS urn FROM holding WHERE status = 'ACTIVE' AND due_on <= ?
                UNION ALL
                SELECT (SELECT min(h.school_urn) FROM holding h
                        WHERE h.status = 'ACTIVE' AND h.due_on <= ? AND h.school_urn > s.urn)
                FROM schools s WHERE s.urn IS NOT NULL)
            SELECT urn FROM schools WHERE urn IS NOT NULL
            """;

    private final Jdbc sql;

    public DisposalQueries(Jdbc sql) {
        this.sql = sql;
    }

    /**
     * The due, unheld holdings of a school as batch candidates, oldest due first. Planned with the actual values every
     * time: a generic plan cannot know how many legal holds the school has, and with a few hundred pupil holds it
     * turns the hashed anti-join into a nested loop (bench/due-query.sh shows both plans).
     */
    public List<DisposalItem> dueAndUnheld(String urn, LocalDate onOrBefore, List<String> classes, int maxItems) {
        sql.customPlans();
        Object[] params = DUE_UNHELD.params(
                Map.of("school", urn, "today", onOrBefore, "classes", Jdbc.texts(classes), "max_items", maxItems));
        return sql.list(DUE_UNHELD.jdbc(), DisposalQueries::candidate, params);
    }

    /** Schools with a due active holding, found by skipping through the due index one school at a time. */
    public List<String> schoolsWithDueHoldings(LocalDate today) {
        return sql.list(SCHOOLS_WITH_DUE_HOLDINGS, row -> row.getString(1), today, today);
    }

    private static DisposalItem candidate(ResultSet row) throws SQLException {
        return DisposalItem.candidate(
                Jdbc.uuid(row, "id"),
                row.getString("class_code"),
                row.getString("pupil_id"),
                row.getString("system"),
                row.getString("reference"),
                Jdbc.date(row, "created_on"),
                Jdbc.date(row, "closed_on"),
                Jdbc.date(row, "due_on"),
                DisposalAction.valueOf(row.getString("due_action")));
    }
}
