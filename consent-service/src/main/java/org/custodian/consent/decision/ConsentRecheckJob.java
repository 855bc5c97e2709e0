package org.custodian.consent.decision;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.custodian.platform.jobs.ClusterLock;
import org.custodian.platform.time.LegalTime;

/**
 * Statuses that change with time alone: a grant passes its validity ({@code consent.expired}) or a pupil reaches the
 * competence age so that their own decision starts to count. One replica runs it (a database lock).
 */
@ApplicationScoped
public class ConsentRecheckJob {

    private final StatusService statuses;
    private final ClusterLock lock;
    private final Clock clock;

    public ConsentRecheckJob(StatusService statuses, ClusterLock lock, Clock clock) {
        this.statuses = statuses;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(
            every = "${custodian.consent.recheck-every:15m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        recheckDue();
    }

    /** Recomputes every status due by today; returns how many changed, or -1 if another replica is running it. */
    public int recheckDue() {
        int[] changed = {0};
        boolean ran = lock.runExclusively("consent-recheck", () -> {
            for (int round = 0; round < 1000; round++) {
                Map<String, List<String>> due = statuses.dueForRecheck(LegalTime.today(clock), 1000);
                if (due.isEmpty()) {
                    return;
                }
                due.forEach((urn, pupils) ->
                        changed[0] += statuses.recompute(urn, pupils, true).size());
            }
        });
        return ran ? changed[0] : -1;
    }
}
