package org.custodian.accountability.fact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.jdbc.Jdbc;

/** The projection of the facts other services announce: one row per fact, written only by {@link FactService}. */
@ApplicationScoped
public class FactQueries {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

    private static final String HELD = """
            SELECT kind, fact_key, version, changed_at, data FROM fact
            WHERE school_urn = ? AND kind = ? AND fact_key = ? FOR UPDATE
            """;

    private static final String UPSERT = """
            INSERT INTO fact (school_urn, kind, fact_key, version, changed_at, data) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_urn, kind, fact_key)
            DO UPDATE SET version = EXCLUDED.version, changed_at = EXCLUDED.changed_at, data = EXCLUDED.data
            """;

    private static final String OF_SCHOOL = """
            SELECT kind, fact_key, version, changed_at, data FROM fact WHERE school_urn = ? ORDER BY kind, fact_key
            """;

    private final Jdbc jdbc;

    FactQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The fact held, locked until the transaction ends. */
    Optional<Fact> held(String urn, FactKind kind, String key) {
        return jdbc.one(HELD, FactQueries::fact, urn, kind.name(), key);
    }

    void hold(String urn, Fact fact) {
        jdbc.update(
                UPSERT,
                urn,
                fact.kind().name(),
                fact.key(),
                fact.version(),
                fact.changedAt(),
                new Jdbc.Json(json(fact.data())));
    }

    /** Every fact held about the school. */
    public List<Fact> ofSchool(String urn) {
        return jdbc.list(OF_SCHOOL, FactQueries::fact, urn);
    }

    private static Fact fact(ResultSet row) throws SQLException {
        try {
            return new Fact(
                    FactKind.valueOf(row.getString("kind")),
                    row.getString("fact_key"),
                    row.getLong("version"),
                    Jdbc.instant(row, "changed_at"),
                    CloudEventCodec.mapper().readValue(row.getString("data"), FIELDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored fact is not JSON", e);
        }
    }

    private static String json(Map<String, Object> data) {
        try {
            return CloudEventCodec.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fact's data cannot be written as JSON", e);
        }
    }
}
