package org.custodian.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.custodian.testing.PostgresResource;

/**
 * PostgreSQL for the local stack: reachable (already up, or the installed Debian cluster started, or deploy/compose's
 * postgres with Docker), and one database per service made as the tests make theirs (PostgresResource.prepare: an
 * owner role Flyway migrates with, a service role that owns nothing), under the stack's fixed names and one password.
 */
final class LocalDatabases {

    private final Stack stack;
    private final LocalKeys keys;

    LocalDatabases(Stack stack, LocalKeys keys) {
        this.stack = stack;
        this.keys = keys;
    }

    /** Makes PostgreSQL reachable at PGHOST:PGPORT; with {@code docker}, deploy/compose's postgres may stand in. */
    void ensureServer(boolean docker) {
        if (PostgresResource.reachable()) {
            return;
        }
        if (startInstalledCluster()) {
            if (!await(30)) {
                throw new Failure("PostgreSQL was started but does not answer on " + where());
            }
            return;
        }
        if (docker && stack.pgIsLocal() && succeeds(List.of("docker", "info"))) {
            Launcher.say("no local PostgreSQL cluster; starting the postgres service of deploy/compose with Docker");
            if (!succeeds(List.of(
                    "docker",
                    "compose",
                    "-f",
                    stack.root.resolve("deploy/compose/docker-compose.yml").toString(),
                    "up",
                    "-d",
                    "--wait",
                    "postgres"))) {
                throw new Failure("docker compose could not start PostgreSQL");
            }
            if (!await(60)) {
                throw new Failure("the PostgreSQL container does not answer on " + where());
            }
            return;
        }
        throw new Failure("PostgreSQL is not reachable at " + where() + " (user " + stack.get("PGUSER", "postgres")
                + ") and there is no installed cluster to start.\n"
                + "Install PostgreSQL, e.g. on Debian or Ubuntu (as root):\n"
                + "    apt-get install -y postgresql\n"
                + "    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n"
                + "or on macOS: brew install postgresql@16 && brew services start postgresql@16;\n"
                + "let the local user in without a password, or point PGHOST, PGPORT, PGUSER and PGPASSWORD at a"
                + " server you have.");
    }

    /** Each local service database, made or handed back to its roles (those whose URL the user set are left alone). */
    void ensureDatabases() {
        String password = keys.databaseRolesPassword();
        for (String service : Stack.SERVICES) {
            String db = stack.localDatabase(service);
            if (db == null) {
                Launcher.say(
                        "CUSTODIAN_" + Stack.upper(service) + "_DB_URL is set; not creating a database for " + service);
                continue;
            }
            PostgresResource.prepare(db, password);
            handOverLeftovers(db);
        }
    }

    /** Drops the local databases and their roles (down --reset). */
    void dropDatabases() {
        for (String service : Stack.SERVICES) {
            String db = stack.localDatabase(service);
            if (db != null) {
                PostgresResource.dropDatabase(db);
            }
        }
    }

    /**
     * Tables, views, sequences and functions that an older local stack made as the administrator, given to the owner
     * role so that Flyway (as the owner) can migrate them.
     */
    private void handOverLeftovers(String db) {
        String owner = db + "_owner";
        List<String> statements = new ArrayList<>();
        try (Connection connection = PostgresResource.connectAdmin(db);
                Statement statement = connection.createStatement()) {
            try (ResultSet rows =
                    statement.executeQuery("SELECT format('ALTER TABLE %s OWNER TO %I', c.oid::regclass, '"
                            + owner + "') FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace"
                            + " AND c.relkind IN ('r', 'p', 'v', 'S') AND c.relowner <> '" + owner + "'::regrole"
                            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
                            + " AND d.objid = c.oid AND d.deptype IN ('a', 'i'))"
                            + " UNION ALL SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, '" + owner
                            + "') FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '"
                            + owner
                            + "'::regrole")) {
                while (rows.next()) {
                    statements.add(rows.getString(1));
                }
            }
            for (String alter : statements) {
                statement.execute(alter);
            }
        } catch (SQLException e) {
            throw new Failure("could not hand database " + db + " to its owner role: " + e.getMessage());
        }
    }

    /** Starts the installed (Debian/Ubuntu pg_ctlcluster) cluster serving PGPORT; false when there is none. */
    private boolean startInstalledCluster() {
        if (!stack.pgIsLocal()) {
            return false;
        }
        String clusters = output(List.of("pg_lsclusters", "--no-header"));
        boolean started = false;
        for (String line : clusters.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 3 && columns[2].equals(stack.pgPort())) {
                Launcher.say("PostgreSQL " + columns[0] + "/" + columns[1] + " is down; starting it");
                if (!succeeds(List.of("pg_ctlcluster", "--skip-systemctl-redirect", columns[0], columns[1], "start"))) {
                    throw new Failure("could not start PostgreSQL " + columns[0] + "/" + columns[1]);
                }
                started = true;
            }
        }
        return started;
    }

    private boolean await(int seconds) {
        for (int i = 0; i < seconds; i++) {
            if (PostgresResource.reachable()) {
                return true;
            }
            Processes.sleep(1000);
        }
        return false;
    }

    private String where() {
        return stack.pgHost() + ":" + stack.pgPort();
    }

    private static boolean succeeds(List<String> command) {
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
