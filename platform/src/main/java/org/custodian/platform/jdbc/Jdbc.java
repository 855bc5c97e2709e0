package org.custodian.platform.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.util.PGobject;

/**
 * Plain JDBC on the service's data source, inside whatever transaction the caller runs: explicit SQL, school first.
 * Parameters may be strings, numbers, booleans, dates, UUIDs, instants (bound as {@code timestamptz}, to the
 * microsecond PostgreSQL keeps), enums (by name), collections or arrays of strings (bound as {@code text[]}) and
 * {@link Json} (bound as {@code jsonb}).
 */
@ApplicationScoped
public class Jdbc {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A JSON document bound as {@code jsonb}. */
    public record Json(String text) {}

    /**
     * What {@link #queuePlans()} runs, in one round trip: for the rest of the transaction, a custom plan for each
     * execution and no sequential scan ({@code set_config} with {@code is_local}, as {@code SET LOCAL}).
     */
    public static final String QUEUE_PLANS = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
            + " set_config('enable_seqscan', 'off', true)";

    private final DataSource dataSource;

    @Inject
    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, params);
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(row.map(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + firstLine(sql), e);
        }
    }

    /** The first row, if any (an aggregate that returns SQL null reads as empty). */
    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** The first column of the first row as a number, 0 when there is none. */
    public long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + firstLine(sql), e);
        }
    }

    /** Runs one statement for many rows, in JDBC batches of a thousand. */
    public void batch(String sql, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] params : rows) {
                bind(connection, statement, params);
                statement.addBatch();
                if (++pending == 1000) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "batch failed: " + firstLine(sql), e.getNextException() != null ? e.getNextException() : e);
        }
    }

    /**
     * Plans the rest of the transaction's statements with their actual values: for queries whose best plan depends on
     * the values (a school's size, an array's length), the generic plan a prepared statement switches to can be far
     * slower.
     */
    public void customPlans() {
        update("SET LOCAL plan_cache_mode = force_custom_plan");
    }

    /**
     * Plans the rest of the transaction's statements for a work queue kept in a table (an outbox, a delivery queue):
     * afresh at each execution, and on the queue's indexes. Such a table can grow from a few rows to hundreds of
     * thousands between two autovacuum analyses, after a bulk import; a generic plan made while it was small (a
     * sequential scan inside a nested loop) then costs a claim minutes instead of milliseconds (decision 0023).
     */
    public void queuePlans() {
        list(QUEUE_PLANS, row -> null);
    }

    private static void bind(Connection connection, PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, bindable(connection, params[i]));
        }
    }

    private static Object bindable(Connection connection, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof String[] strings) {
            return connection.createArrayOf("text", strings);
        }
        if (value instanceof Collection<?> values) {
            return connection.createArrayOf(
                    "text", values.stream().map(Jdbc::text).toArray(String[]::new));
        }
        if (value instanceof Json json) {
            PGobject jsonb = new PGobject();
            jsonb.setType("jsonb");
            jsonb.setValue(json.text());
            return jsonb;
        }
        return value;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }

    /** A {@code text[]} parameter from strings (a null element stays SQL null). */
    public static String[] texts(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    // ---- reading columns that may be null ----

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    public static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline) + " ...";
    }
}
