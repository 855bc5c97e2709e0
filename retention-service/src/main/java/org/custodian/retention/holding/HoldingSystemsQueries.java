package org.custodian.retention.holding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.jdbc.NamedSql;

/**
 * The systems holding a school's records, by record class: computed from the register ({@code holding}) in one
 * aggregate query ({@code sql/held-systems.sql}), and the map last announced (table
 * {@code holding_systems_announced}, from Flyway, SQL-only).
 */
@ApplicationScoped
public class HoldingSystemsQueries {

    /** The map as last announced, and its version. */
    public record Announced(long version, Map<String, List<String>> systemsByClass) {}

    /**
     * Record class → the distinct systems of the school's holdings still held (not destroyed or transferred), sorted
     * by code point: one query, a few dozen index descents whatever the school's size (shared with
     * bench/held-systems.sh).
     */
    static final NamedSql HELD = NamedSql.resource("sql/held-systems.sql");

    static final String LAST =
            "SELECT version, systems::text AS systems FROM holding_systems_announced WHERE school_urn = ?";

    /** The next version; no row when the stored version is not the one before it. */
    static final String RECORD = """
            INSERT INTO holding_systems_announced AS a (school_urn, version, systems, announced_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (school_urn) DO UPDATE
                SET version = EXCLUDED.version, systems = EXCLUDED.systems, announced_at = EXCLUDED.announced_at
                WHERE a.version = EXCLUDED.version - 1
            """;

    private static final TypeReference<Map<String, List<String>>> MAP = new TypeReference<>() {};

    private final Jdbc sql;

    public HoldingSystemsQueries(Jdbc sql) {
        this.sql = sql;
    }

    /** The map as the register stands now, classes in code-point order (empty when nothing is held). */
    public Map<String, List<String>> held(String urn) {
        Map<String, List<String>> systems = new TreeMap<>();
        sql.list(
                        HELD.jdbc(),
                        row -> Map.entry(row.getString("record_class"), Jdbc.strings(row, "systems")),
                        HELD.params(Map.of("school", urn)))
                .forEach(e -> systems.put(e.getKey(), e.getValue()));
        return systems;
    }

    public Optional<Announced> last(String urn) {
        return sql.one(LAST, HoldingSystemsQueries::announced, urn);
    }

    /** Records an announced map as the school's next version; false when that version is not the next one. */
    public boolean record(String urn, long version, Map<String, List<String>> systemsByClass, Instant at) {
        return sql.update(RECORD, urn, version, new Jdbc.Json(json(systemsByClass)), at) == 1;
    }

    private static Announced announced(ResultSet row) throws SQLException {
        try {
            return new Announced(
                    row.getLong("version"),
                    new TreeMap<>(CloudEventCodec.mapper().readValue(row.getString("systems"), MAP)));
        } catch (JsonProcessingException e) {
            throw new SQLException("holding_systems_announced.systems is not a map of lists", e);
        }
    }

    private static String json(Map<String, List<String>> systemsByClass) {
        try {
            return CloudEventCodec.mapper().writeValueAsString(systemsByClass);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
