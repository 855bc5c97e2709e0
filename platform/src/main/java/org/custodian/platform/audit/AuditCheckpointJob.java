package org.custodian.platform.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.custodian.platform.jobs.ClusterLock;
import org.jboss.logging.Logger;

/**
 * Anchors every school's audit chain outside the database: each school whose chain grew since its latest checkpoint
 * gets a new signed checkpoint of its head, but only after the rows from that checkpoint to the head have been
 * verified, so that a checkpoint never vouches for a chain that was rewritten under the one before. One replica runs
 * it (a database lock), every {@code custodian.audit.checkpoints.every} (5 minutes).
 */
@ApplicationScoped
public class AuditCheckpointJob {

    private static final Logger LOG = Logger.getLogger(AuditCheckpointJob.class);

    private final AuditLog auditLog;
    private final AuditCheckpoints checkpoints;
    private final ClusterLock lock;
    private final Counter written;
    private final Counter refused;

    @Inject
    public AuditCheckpointJob(AuditLog auditLog, AuditCheckpoints checkpoints, ClusterLock lock, MeterRegistry meters) {
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
        this.lock = lock;
        this.written = meters.counter("custodian.audit.checkpoints.written");
        this.refused = meters.counter("custodian.audit.checkpoints.refused");
    }

    @Scheduled(
            every = "${custodian.audit.checkpoints.every:5m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        checkpointAll();
    }

    /** Checkpoints every chain that grew; returns how many were written, or -1 if another replica is running it. */
    public int checkpointAll() {
        int[] count = {0};
        boolean ran = lock.runExclusively("audit-checkpoints", () -> {
            for (AuditLog.ChainHead head : auditLog.heads()) {
                if (checkpoint(head)) {
                    count[0]++;
                }
            }
        });
        return ran ? count[0] : -1;
    }

    private boolean checkpoint(AuditLog.ChainHead head) {
        try {
            AuditCheckpoint latest = checkpoints.latest(head.schoolUrn()).orElse(null);
            if (latest != null && latest.seq() == head.seq()) {
                return false;
            }
            Optional<String> problem = latest != null && latest.seq() > head.seq()
                    ? Optional.of("the chain ends at row " + head.seq() + " but the checkpoint of " + latest.at()
                            + " anchors row " + latest.seq())
                    : auditLog.whyNotExtending(latest, head);
            if (problem.isPresent()) {
                refuse(head, problem.get());
                return false;
            }
            checkpoints.write(head.schoolUrn(), head.seq(), head.hash());
            written.increment();
            return true;
        } catch (AuditCheckpoints.Untrusted e) {
            refuse(head, e.getMessage());
            return false;
        }
    }

    private void refuse(AuditLog.ChainHead head, String why) {
        refused.increment();
        LOG.errorf(
                "audit chain of school %s not checkpointed, it does not extend its latest checkpoint: %s "
                        + "(tampering or a database restore: docs/operations.md)",
                head.schoolUrn(), why);
    }
}
