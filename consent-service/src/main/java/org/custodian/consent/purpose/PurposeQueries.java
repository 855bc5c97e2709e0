package org.custodian.consent.purpose;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.custodian.platform.jdbc.Jdbc;

/** The SQL of a school's purpose catalogue and its wordings. */
@ApplicationScoped
public class PurposeQueries {

    private static final String SELECT = """
            SELECT p.code, p.title, p.kind, p.data_categories, p.validity, p.current_version, p.reconsent_from, v.wording
            FROM purpose p JOIN purpose_version v
              ON v.school_urn = p.school_urn AND v.code = p.code AND v.version = p.current_version
            """;

    private final Jdbc db;

    public PurposeQueries(Jdbc db) {
        this.db = db;
    }

    public List<Purpose> list(String urn) {
        return db.list(SELECT + " WHERE p.school_urn = ? ORDER BY p.code", PurposeQueries::purpose, urn);
    }

    public Optional<Purpose> find(String urn, String code) {
        return db.one(SELECT + " WHERE p.school_urn = ? AND p.code = ?", PurposeQueries::purpose, urn, code);
    }

    public List<Purpose> findAll(String urn, Collection<String> codes) {
        return db.list(SELECT + " WHERE p.school_urn = ? AND p.code = ANY (?)", PurposeQueries::purpose, urn, codes);
    }

    public List<PurposeVersion> versions(String urn, String code) {
        return db.list("""
                SELECT version, title, wording, requires_reconsent, created_at, created_by
                FROM purpose_version WHERE school_urn = ? AND code = ? ORDER BY version
                """, PurposeQueries::version, urn, code);
    }

    public void insert(String urn, Purpose purpose, String createdBy) {
        db.update(
                """
                INSERT INTO purpose (school_urn, code, title, kind, data_categories, validity, current_version, reconsent_from)
                VALUES (?, ?, ?, ?, ?::text[], ?, 1, 1)
                """,
                urn,
                purpose.code(),
                purpose.title(),
                purpose.kind(),
                new ArrayList<>(purpose.dataCategories()),
                purpose.validity());
        insertVersion(urn, purpose.code(), 1, purpose.title(), purpose.wording(), false, createdBy);
    }

    public void insertVersion(
            String urn,
            String code,
            int version,
            String title,
            String wording,
            boolean requiresReconsent,
            String createdBy) {
        db.update("""
                INSERT INTO purpose_version (school_urn, code, version, title, wording, requires_reconsent, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, urn, code, version, title, wording, requiresReconsent, createdBy);
    }

    public void updateCurrent(String urn, String code, String title, int version, int reconsentFrom) {
        db.update(
                "UPDATE purpose SET title = ?, current_version = ?, reconsent_from = ? WHERE school_urn = ? AND code = ?",
                title,
                version,
                reconsentFrom,
                urn,
                code);
    }

    private static Purpose purpose(ResultSet rs) throws SQLException {
        return new Purpose(
                rs.getString("code"),
                rs.getString("title"),
                PurposeKind.valueOf(rs.getString("kind")),
                Jdbc.strings(rs, "data_categories"),
                rs.getString("validity"),
                rs.getInt("current_version"),
                rs.getInt("reconsent_from"),
                rs.getString("wording"));
    }

    private static PurposeVersion version(ResultSet rs) throws SQLException {
        return new PurposeVersion(
                rs.getInt("version"),
                rs.getString("title"),
                rs.getString("wording"),
                rs.getBoolean("requires_reconsent"),
                Jdbc.instant(rs, "created_at"),
                rs.getString("created_by"));
    }
}
