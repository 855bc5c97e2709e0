package org.custodian.systemtests.support;

import java.util.List;

/**
 * The PostgreSQL cluster the stack's databases are on: the local (Debian pg_ctlcluster) cluster that serves PGPORT,
 * stopped and started under the running services. In CI that is the machine's only cluster; a developer runs the stack
 * on a cluster of their own (PGPORT) so as not to stop anyone else's.
 */
public final class Postgres {

    private final String version;
    private final String name;

    private Postgres(String version, String name) {
        this.version = version;
        this.name = name;
    }

    public static String port() {
        return Stack.env("PGPORT", "5432");
    }

    /** The installed cluster on {@link #port()}, from {@code pg_lsclusters}. */
    public static Postgres cluster() {
        for (String line :
                Scripts.output(List.of("pg_lsclusters", "--no-header")).split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 3 && columns[2].equals(port())) {
                return new Postgres(columns[0], columns[1]);
            }
        }
        throw new AssertionError("no local PostgreSQL cluster serves port " + port() + " (pg_lsclusters)");
    }

    public void stop() {
        control("stop");
    }

    public void start() {
        control("start");
    }

    private void control(String action) {
        Scripts.run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, name, action));
    }

    @Override
    public String toString() {
        return "PostgreSQL " + version + "/" + name + " on port " + port();
    }
}
