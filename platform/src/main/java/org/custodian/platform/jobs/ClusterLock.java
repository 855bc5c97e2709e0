package org.custodian.platform.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.custodian.platform.jdbc.Jdbc;

/**
 * Lets exactly one replica run a scheduled job: the job runs in a transaction holding a PostgreSQL advisory lock
 * named after it, and a replica that cannot take the lock skips this round.
 */
@ApplicationScoped
public class ClusterLock {

    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext(?))";

    private final Jdbc jdbc;

    @Inject
    public ClusterLock(Jdbc jdbc) {
        this.jdbc = jdbc;
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
                    boolean locked = jdbc.one(TRY_LOCK, row -> row.getBoolean(1), "custodian.job." + jobName)
                            .orElse(false);
                    if (!locked) {
                        return false;
                    }
                    job.run();
                    return true;
                });
    }
}
