package org.custodian.consent.school;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.jdbc.Jdbc;

/** The SQL of the school profile. */
@ApplicationScoped
public class SchoolQueries {

    private static final String COLUMNS =
            "urn, name, type, region, dpo_name, dpo_email, competence_age, conflict_policy, version";

    private final Jdbc db;

    public SchoolQueries(Jdbc db) {
        this.db = db;
    }

    public Optional<School> find(String urn) {
        return db.one("SELECT " + COLUMNS + " FROM school WHERE urn = ?", SchoolQueries::school, urn);
    }

    /** Inserts a new profile; false when another transaction created the school first. */
    public boolean insert(School school) {
        return db.update(
                        """
                        INSERT INTO school (urn, name, type, region, dpo_name, dpo_email, competence_age, conflict_policy)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (urn) DO NOTHING
                        """,
                        school.urn(),
                        school.name(),
                        school.type(),
                        school.region(),
                        school.dpoName(),
                        school.dpoEmail(),
                        school.competenceAge(),
                        school.conflictPolicy())
                == 1;
    }

    /** Replaces the profile if it is still at {@code version}; false when it changed meanwhile. */
    public boolean update(String urn, long version, SchoolRequest request) {
        return db.update(
                        """
                        UPDATE school SET name = ?, type = ?, region = ?, dpo_name = ?, dpo_email = ?, competence_age = ?,
                                          conflict_policy = ?, version = version + 1, updated_at = now()
                        WHERE urn = ? AND version = ?
                        """,
                        request.name(),
                        request.type(),
                        request.region(),
                        request.dpoName(),
                        request.dpoEmail(),
                        request.competenceAge(),
                        request.conflictPolicy(),
                        urn,
                        version)
                == 1;
    }

    private static School school(ResultSet rs) throws SQLException {
        return new School(
                rs.getString("urn"),
                rs.getString("name"),
                SchoolType.valueOf(rs.getString("type")),
                Region.valueOf(rs.getString("region")),
                rs.getString("dpo_name"),
                rs.getString("dpo_email"),
                rs.getInt("competence_age"),
                ConflictPolicy.valueOf(rs.getString("conflict_policy")),
                rs.getLong("version"));
    }
}
