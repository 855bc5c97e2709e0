package org.custodian.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Creates a fresh database on the real PostgreSQL server for this test run and drops it when the JVM ends, so that
 * runs never see each other's rows. The server comes from {@code PGHOST}, {@code PGPORT}, {@code PGUSER} and
 * {@code PGPASSWORD} (defaults 127.0.0.1, 5432, postgres, none). Databases left by runs that were killed are
 * dropped once they are a day old.
 * <p>
 * As in production, the database belongs to an owner role that Flyway migrates with ({@code <db>_owner}), and the
 * service runs as a role that owns nothing ({@code <db>_service}): it can only read and append to the audit log.
 * The audit checkpoints of the run, which live outside the database, go to a folder of the run's own.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "custodian_test_";
    /** Quarkus may load this class in several class loaders; a system property lets them share one database. */
    private static final String SHARED = "custodian.test.database";

    private static final String SHARED_PASSWORD = "custodian.test.database.password";

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
            String name = PREFIX + Instant.now().getEpochSecond() + "_"
                    + UUID.randomUUID().toString().substring(0, 8);
            String password = UUID.randomUUID().toString();
            try (Connection admin = admin()) {
                dropStale(admin);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot create test database on " + host() + ":" + port() + " (is PostgreSQL running?)", e);
            }
            prepare(name, password);
            System.setProperty(SHARED_PASSWORD, password);
            System.setProperty(SHARED, name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "postgres-test-db-drop"));
            return name;
        }
    }

    /**
     * Makes database {@code name} as every service runs on it, here and in the local stack (the launcher): owned by
     * {@code <name>_owner}, which Flyway migrates with, beside {@code <name>_service}, a login that owns nothing; both
     * with {@code password}, and only the owner may create in its public schema. Safe to call again: what exists is
     * kept (its roles get {@code password}, the database and its schema are handed to the owner again).
     */
    public static void prepare(String name, String password) {
        String owner = name + "_owner";
        String service = name + "_service";
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            for (String role : List.of(owner, service)) {
                if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                    statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
                } else {
                    statement.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER PASSWORD '" + password + "'");
                }
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + owner);
            } else {
                statement.execute("ALTER DATABASE " + name + " OWNER TO " + owner);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create database " + name + " on " + host() + ":" + port() + " (is PostgreSQL running?)", e);
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl(name), credentials());
                Statement statement = db.createStatement()) {
            // only the owner creates objects (PostgreSQL before 15 lets everyone create in public)
            statement.execute("ALTER SCHEMA public OWNER TO " + owner);
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + name, e);
        }
    }

    /** Drops database {@code name} (connections and all) and the two roles {@link #prepare} made for it. */
    public static void dropDatabase(String name) {
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            dropDatabaseAndRoles(statement, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name, e);
        }
    }

    /** True when the PostgreSQL server answers as its administrator. */
    public static boolean reachable() {
        try (Connection ignored = admin()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A connection to database {@code name} as the server's administrator. */
    public static Connection connectAdmin(String name) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(name), credentials());
    }

    private static boolean exists(Connection admin, String query, String value) throws SQLException {
        try (var select = admin.prepareStatement(query)) {
            select.setString(1, value);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** A connection to this run's database as the server's administrator, for tests that look at rows directly. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database()), credentials());
    }

    /** The role that owns the run's database and its tables, and that Flyway migrates with. */
    public static String ownerRole() {
        return database() + "_owner";
    }

    /** The role the service runs as: it owns nothing. */
    public static String serviceRole() {
        return database() + "_service";
    }

    /** A connection to this run's database as {@code role} (one of the two above). */
    public static Connection connectAs(String role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database()), role, rolePassword());
    }

    /** The password of both roles (a trusting local server ignores it). */
    public static String rolePassword() {
        database();
        return System.getProperty(SHARED_PASSWORD);
    }

    /** Where the run's audit checkpoints are kept: outside the database, and as fresh as it. */
    public static Path checkpointDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "custodian-audit-checkpoints", database());
    }

    @Override
    public Map<String, String> start() {
        String password = rolePassword();
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database()),
                "quarkus.datasource.username", serviceRole(),
                "quarkus.datasource.password", password,
                "quarkus.flyway.username", ownerRole(),
                "quarkus.flyway.password", password,
                "custodian.audit.checkpoints.directory", checkpointDirectory().toString());
    }

    @Override
    public void stop() {
        // the database lives for the whole test JVM; the shutdown hook drops it
    }

    private static void drop(String name) {
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            dropDatabaseAndRoles(statement, name);
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
        deleteFolder(Path.of(System.getProperty("java.io.tmpdir"), "custodian-audit-checkpoints", name));
    }

    private static void dropDatabaseAndRoles(Statement statement, String name) throws SQLException {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        statement.execute("DROP ROLE IF EXISTS " + name + "_service");
        statement.execute("DROP ROLE IF EXISTS " + name + "_owner");
    }

    private static void deleteFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e.getMessage());
        }
    }

    private static void dropStale(Connection admin) throws SQLException {
        long dayAgo = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
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
                dropDatabaseAndRoles(statement, name);
            }
            deleteFolder(Path.of(System.getProperty("java.io.tmpdir"), "custodian-audit-checkpoints", name));
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
