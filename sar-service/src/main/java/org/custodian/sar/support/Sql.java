package org.custodian.sar.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC on the service's data source, joining the caller's transaction: explicit SQL, school first. Collections
 * are bound as SQL arrays of text; {@link Json} values as {@code jsonb}.
 */
@ApplicationScoped
public class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A JSON document bound as {@code jsonb}. */
    public record Json(String text) {
    }

    private final DataSource dataSource;

    @Inject
    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + firstLine(sql), e);
        }
    }

    public <T> List<T> list(String sql, Row<T> mapper, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + firstLine(sql), e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    public long count(String sql, Object... params) {
        return one(sql, row -> row.getLong(1), params).orElse(0L);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value instanceof Collection<?> values) {
                statement.setArray(i + 1, connection.createArrayOf("text", values.stream().map(String::valueOf).toArray()));
            } else if (value instanceof Json json) {
                org.postgresql.util.PGobject jsonb = new org.postgresql.util.PGobject();
                jsonb.setType("jsonb");
                jsonb.setValue(json.text());
                statement.setObject(i + 1, jsonb);
            } else if (value instanceof Enum<?> e) {
                statement.setString(i + 1, e.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline) + " ...";
    }
}
