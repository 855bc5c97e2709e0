package org.custodian.consent.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.PageRequest;

/** The SQL of token revocations: a school's (school given) or the operators' for every school (no school). */
@ApplicationScoped
public class TokenRevocationQueries {

    /** A revocation as stored, with its position in the school's (or the operators') list. */
    public record StoredRevocation(
            long seq,
            UUID id,
            String school,
            String subject,
            String tokenId,
            String reason,
            Instant revokedAt,
            String revokedBy) {}

    private static final String COLUMNS = "seq, id, school_urn, subject, token_id, reason, revoked_at, revoked_by";

    private final Jdbc db;

    public TokenRevocationQueries(Jdbc db) {
        this.db = db;
    }

    public void insert(
            UUID id,
            String school,
            String subject,
            String tokenId,
            String reason,
            Instant revokedAt,
            String revokedBy,
            String revokedByRole) {
        db.update("""
                INSERT INTO token_revocation (id, school_urn, subject, token_id, reason, revoked_at, revoked_by, revoked_by_role)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, id, school, subject, tokenId, reason, revokedAt, revokedBy, revokedByRole);
    }

    public Optional<StoredRevocation> find(String school, UUID id) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM token_revocation WHERE " + scope(school, params) + " AND id = ?";
        params.add(id);
        return db.one(sql, TokenRevocationQueries::revocation, params.toArray());
    }

    /** One page of the revocations, newest first (one more than the page, to tell whether there is a next). */
    public List<StoredRevocation> page(String school, PageRequest page) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + " FROM token_revocation WHERE " + scope(school, params));
        if (!page.isFirst()) {
            sql.append(" AND seq < ?");
            params.add(page.afterLong(0));
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(page.fetchSize());
        return db.list(sql.toString(), TokenRevocationQueries::revocation, params.toArray());
    }

    /** A school's revocations, or with no school the operators' (for every school). */
    private static String scope(String school, List<Object> params) {
        if (school == null) {
            return "school_urn IS NULL";
        }
        params.add(school);
        return "school_urn = ?";
    }

    private static StoredRevocation revocation(ResultSet rs) throws SQLException {
        return new StoredRevocation(
                rs.getLong("seq"),
                Jdbc.uuid(rs, "id"),
                rs.getString("school_urn"),
                rs.getString("subject"),
                rs.getString("token_id"),
                rs.getString("reason"),
                Jdbc.instant(rs, "revoked_at"),
                rs.getString("revoked_by"));
    }
}
