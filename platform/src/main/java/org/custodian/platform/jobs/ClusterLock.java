package org.custodian.platform.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Lets exactly one replica run a scheduled job: the job runs in a transaction holding a PostgreSQL advisory lock
 * named after it, and a replica that cannot take the lock skips this round.
 */
@ApplicationScoped
public class ClusterLock {

    private final DataSource dataSource;

    @Inject
    public ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The longest a job's locking transaction may stay open unless the job says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    /**
     * Runs {@code job} in a new transaction if no other replica is running the job of that name. A long job may run
     * its own smaller transactions inside ({@code QuarkusTransaction.requiringNew()}); the lock holds until the outer
     * one ends.
     *
     * @return true if this replica ran it, false if another replica held the lock
     */
    public boolean runExclusively(String jobName, Runnable job) {
        return runExclusively(jobName, DEFAULT_TIMEOUT, job);
    }

    public boolean runExclusively(String jobName, Duration timeout, Runnable job) {
        return QuarkusTransaction.requiringNew()
                .timeout((int) Math.max(1, timeout.toSeconds()))
                .call(() -> {
                    try (Connection connection = dataSource.getConnection();
                            PreparedStatement lock =
                                    connection.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext(?))")) {
                        lock.setString(1, "custodian.job." + jobName);
                        try (ResultSet result = lock.executeQuery()) {
                            result.next();
                            if (!result.getBoolean(1)) {
                                return false;
                            }
                        }
                    }
                    job.run();
                    return true;
                });
    }
}
