package org.custodian.sharing.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Plain JDBC with less ceremony: parameters are bound by type (a {@code Collection} or {@code String[]} becomes a
 * {@code text[]}, an {@link Instant} a {@code timestamptz}, an enum its name), and statements run on the connection of
 * the current transaction.
 */
@ApplicationScoped
public class Jdbc {

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    @Inject
    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> query(String sql, Row<T> mapper, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + firstLine(sql), e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * One page of rows ordered by name then id (keyset): {@code sql} selects with its filters already in place, this
     * adds the cursor position, the order and the limit.
     */
    public <T> Page<T> pageByName(StringBuilder sql, List<Object> params, PageRequest page, Row<T> mapper,
                                  Function<T, String> name, Function<T, UUID> id) {
        List<Object> all = new ArrayList<>(params);
        if (!page.isFirst()) {
            sql.append(" AND (name, id) > (?, ?)");
            all.add(page.after(0));
            all.add(Ids.uuid(page.after(1), "cursor"));
        }
        sql.append(" ORDER BY name, id LIMIT ?");
        all.add(page.fetchSize());
        return Page.fromRows(query(sql.toString(), mapper, all.toArray()), page,
                row -> List.of(name.apply(row), id.apply(row).toString()));
    }

    public int update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + firstLine(sql), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, bindable(connection, params[i]));
        }
        return statement;
    }

    private static Object bindable(Connection connection, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof String[] strings) {
            return connection.createArrayOf("text", strings);
        }
        if (value instanceof Collection<?> values) {
            return connection.createArrayOf("text", values.stream().map(Jdbc::text).toArray(String[]::new));
        }
        return value;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }

    /** Reads a {@code text[]} column. */
    public static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Reads a {@code timestamptz} column. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
