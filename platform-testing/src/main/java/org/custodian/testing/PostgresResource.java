package org.custodian.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Creates a fresh database on the real PostgreSQL server for this test run and drops it when the JVM ends, so that
 * runs never see each other's rows. The server comes from {@code PGHOST}, {@code PGPORT}, {@code PGUSER} and
 * {@code PGPASSWORD} (defaults 127.0.0.1, 5432, postgres, none). Databases left by runs that were killed are
 * dropped once they are a day old.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "custodian_test_";
    /** Quarkus may load this class in several class loaders; a system property lets them share one database. */
    private static final String SHARED = "custodian.test.database";

    public static String host() {
        return env("PGHOST", "127.0.0.1");
    }

    public static String port() {
        return env("PGPORT", "5432");
    }

    public static String user() {
        return env("PGUSER", "postgres");
    }

    public static String password() {
        return env("PGPASSWORD", "");
    }

    public static String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + db;
    }

    /** The database of this test run, created on first use. */
    public static String database() {
        synchronized (System.class) {
            String existing = System.getProperty(SHARED);
            if (existing != null) {
                return existing;
            }
            String name = PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().substring(0, 8);
            try (Connection admin = admin(); Statement statement = admin.createStatement()) {
                dropStale(admin);
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database on " + host() + ":" + port()
                        + " (is PostgreSQL running?)", e);
            }
            System.setProperty(SHARED, name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "postgres-test-db-drop"));
            return name;
        }
    }

    /** A connection to this run's database, for tests that look at rows directly. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database()), credentials());
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database()),
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", password());
    }

    @Override
    public void stop() {
        // the database lives for the whole test JVM; the shutdown hook drops it
    }

    private static void drop(String name) {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static void dropStale(Connection admin) throws SQLException {
        long dayAgo = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                try {
                    if (Long.parseLong(parts[0]) < dayAgo) {
                        stale.add(name);
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        for (String name : stale) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), credentials());
    }

    private static Properties credentials() {
        Properties props = new Properties();
        props.setProperty("user", user());
        if (!password().isEmpty()) {
            props.setProperty("password", password());
        }
        return props;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
