package org.custodian.retention.disposal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.custodian.platform.jobs.ClusterLock;
import org.custodian.platform.time.LegalTime;
import org.custodian.retention.RetentionConfig;
import org.custodian.retention.hold.LegalHoldRepository;
import org.custodian.retention.hold.LegalHoldService;
import org.custodian.retention.holding.DefaultRevisionService;
import org.custodian.retention.support.Actor;
import org.jboss.logging.Logger;

/**
 * The daily run, on one replica (a database lock): legal holds whose end date passed are marked ended, then every
 * school with due, unheld holdings gets a disposal batch for its DPO to review. Each school is its own transaction,
 * so one school's failure does not hold back the others.
 */
@ApplicationScoped
public class DisposalJob {

    private static final Logger LOG = Logger.getLogger(DisposalJob.class);
    public static final String NAME = "retention-disposal";

    /** What a run did. */
    public record Run(boolean ran, int schools, int batches, int holdsEnded) {}

    private final ClusterLock lock;
    private final DisposalQueries store;
    private final LegalHoldRepository holdStore;
    private final LegalHoldService holds;
    private final DisposalService disposals;
    private final Clock clock;
    private final RetentionConfig config;
    private final DefaultRevisionService revisions;

    public DisposalJob(
            ClusterLock lock,
            DisposalQueries store,
            LegalHoldRepository holdStore,
            LegalHoldService holds,
            DisposalService disposals,
            Clock clock,
            RetentionConfig config,
            DefaultRevisionService revisions) {
        this.lock = lock;
        this.store = store;
        this.holdStore = holdStore;
        this.holds = holds;
        this.disposals = disposals;
        this.clock = clock;
        this.config = config;
        this.revisions = revisions;
    }

    @Scheduled(
            identity = NAME,
            cron = "${custodian.retention.disposal.cron:0 30 2 * * ?}",
            timeZone = LegalTime.ZONE_ID,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        try {
            LOG.infof("%s: %s", NAME, runNow());
        } catch (RuntimeException e) {
            // each school's work committed on its own; only the run's lock transaction failed (e.g. it outlived the
            // transaction timeout on a very large deployment), and the next run picks up whatever is left
            LOG.warnf(e, "%s: the run ended with an error; the schools it finished are committed", NAME);
        }
    }

    /** Runs the job now if no other replica is running it. */
    public Run runNow() {
        int[] counts = new int[3];
        boolean ran = lock.runExclusively(NAME, () -> {
            // existing holdings of a revised IRMS default are re-dated before anything is proposed on an old date
            revisions.applyPending();
            LocalDate day = LegalTime.today(clock);
            TreeSet<String> schools = new TreeSet<>(holdStore.schoolsWithEndedHolds(day));
            schools.addAll(store.schoolsWithDueHoldings(day));
            for (String urn : schools) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        counts[2] += holds.lapse(urn);
                        if (disposals
                                .propose(
                                        Actor.service("daily job"),
                                        urn,
                                        day,
                                        List.of(),
                                        config.disposal().maxItems())
                                .isPresent()) {
                            counts[1]++;
                        }
                    });
                    counts[0]++;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "%s: school %s failed; the others go on", NAME, urn);
                }
            }
        });
        return new Run(ran, counts[0], counts[1], counts[2]);
    }
}
