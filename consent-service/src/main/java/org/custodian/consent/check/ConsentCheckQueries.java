package org.custodian.consent.check;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.consent.decision.ConsentStatus;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.PageRequest;

/**
 * The hot path's SQL: which purpose codes a school has (one primary-key lookup), the matrix of stored statuses for
 * many pupils and purposes (one indexed query on the status table, no join on purposes), and the class list.
 */
@ApplicationScoped
public class ConsentCheckQueries {

    /** One cell of the matrix as stored: a pupil known or not, and the stored status if any. */
    public record MatrixRow(
            String pupilId,
            String code,
            boolean pupilKnown,
            LocalDate leavingDate,
            String status,
            Integer effectiveVersion,
            LocalDate validUntil) {}

    /** A class-list row as stored. */
    public record ClassListRow(
            String pupilId,
            String givenName,
            String familyName,
            int yearGroup,
            String status,
            Integer effectiveVersion,
            LocalDate validUntil) {}

    private static final String MATRIX = """
            SELECT q.pupil_id, c.code, p.pupil_id IS NOT NULL AS pupil_known,
                   p.leaving_date, s.status, s.effective_version, s.valid_until
            FROM unnest(?::text[]) WITH ORDINALITY AS q(pupil_id, n)
            CROSS JOIN unnest(?::text[]) WITH ORDINALITY AS c(code, m)
            LEFT JOIN pupil p ON p.school_urn = ? AND p.pupil_id = q.pupil_id
            LEFT JOIN consent_status s ON s.school_urn = ? AND s.pupil_id = q.pupil_id AND s.purpose_code = c.code
            ORDER BY q.n, c.m
            """;

    private final Jdbc db;

    public ConsentCheckQueries(Jdbc db) {
        this.db = db;
    }

    /** Which of these purpose codes the school has: the primary key of {@code purpose}. */
    public Set<String> knownPurposes(String urn, Collection<String> codes) {
        return new TreeSet<>(db.list(
                "SELECT code FROM purpose WHERE school_urn = ? AND code = ANY (?)",
                ConsentCheckQueries::code,
                urn,
                codes));
    }

    /** Every pupil × purpose, in the order asked. */
    public List<MatrixRow> matrix(String urn, List<String> pupilIds, List<String> purposes) {
        return db.list(MATRIX, ConsentCheckQueries::matrixRow, pupilIds, purposes, urn, urn);
    }

    /** Pupils on roll on {@code day} with a given status for a purpose, in id order, optionally of one year group. */
    public List<ClassListRow> classList(
            String urn, String purpose, ConsentStatus status, Integer yearGroup, LocalDate day, PageRequest page) {
        StringBuilder sql = new StringBuilder("""
                SELECT p.pupil_id, p.given_name, p.family_name, p.year_group, s.status, s.effective_version, s.valid_until
                FROM pupil p LEFT JOIN consent_status s
                  ON s.school_urn = p.school_urn AND s.pupil_id = p.pupil_id AND s.purpose_code = ?
                WHERE p.school_urn = ? AND (p.leaving_date IS NULL OR p.leaving_date >= ?) AND p.pupil_id > ?
                """);
        List<Object> params = new ArrayList<>(List.of(purpose, urn, day, page.isFirst() ? "" : page.after(0)));
        switch (status) {
            case GRANTED -> {
                sql.append(" AND s.status = 'GRANTED' AND (s.valid_until IS NULL OR s.valid_until >= ?)");
                params.add(day);
            }
            case EXPIRED -> {
                sql.append(" AND (s.status = 'EXPIRED' OR (s.status = 'GRANTED' AND s.valid_until < ?))");
                params.add(day);
            }
            case NOT_ASKED -> sql.append(" AND (s.status IS NULL OR s.status = 'NOT_ASKED')");
            default -> {
                sql.append(" AND s.status = ?");
                params.add(status.name());
            }
        }
        if (yearGroup != null) {
            sql.append(" AND p.year_group = ?");
            params.add(yearGroup);
        }
        sql.append(" ORDER BY p.pupil_id LIMIT ?");
        params.add(page.fetchSize());
        return db.list(sql.toString(), ConsentCheckQueries::classListRow, params.toArray());
    }

    private static String code(ResultSet rs) throws SQLException {
        return rs.getString("code");
    }

    private static MatrixRow matrixRow(ResultSet rs) throws SQLException {
        return new MatrixRow(
                rs.getString("pupil_id"),
                rs.getString("code"),
                rs.getBoolean("pupil_known"),
                Jdbc.date(rs, "leaving_date"),
                rs.getString("status"),
                Jdbc.integer(rs, "effective_version"),
                Jdbc.date(rs, "valid_until"));
    }

    private static ClassListRow classListRow(ResultSet rs) throws SQLException {
        return new ClassListRow(
                rs.getString("pupil_id"),
                rs.getString("given_name"),
                rs.getString("family_name"),
                rs.getInt("year_group"),
                rs.getString("status"),
                Jdbc.integer(rs, "effective_version"),
                Jdbc.date(rs, "valid_until"));
    }
}
