package org.custodian.retention.holding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.persistence.TransactionLocks;
import org.custodian.retention.schedule.DefaultAnnouncementService;
import org.custodian.retention.schedule.ScheduleService;
import org.custodian.retention.support.Actor;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Brings existing schools' registers onto a revised IRMS default: the defaults live in code, so every school reads
 * the corrected rule at once, but the due dates stored on its holdings were computed under the old one. For each
 * revision in {@code schedule_default_revision} (Flyway) not yet applied to a school that holds records of the class,
 * the school's holdings of the class are re-dated ({@link DueService#forClass}) and the revision is marked applied, in
 * one transaction per school and class, under the class's schedule lock ({@link ScheduleService#lockOf}), so that it
 * never interleaves with a change of the class. It runs after start-up, at the start of every daily disposal run, and for
 * one school in the transaction of each proposal ({@link #applyPending(String)}), so no batch is proposed on a date
 * the old rule gave. After start-up and in the daily run it also announces each revised row again to the schools whose
 * defaults were announced before the revision and that have not overridden the class
 * ({@link DefaultAnnouncementService#announceRevisions}): which schools those are does not depend on their holdings.
 */
@ApplicationScoped
public class DefaultRevisionService {

    private static final Logger LOG = Logger.getLogger(DefaultRevisionService.class);

    /** One school's holdings of one revised class, still to re-date. */
    public record Pending(String urn, String classCode, int revision) {}

    private final DefaultRevisionQueries store;
    private final DueService due;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionLocks locks;
    private final DefaultAnnouncementService announcements;

    public DefaultRevisionService(
            DefaultRevisionQueries store,
            DueService due,
            AuditLog audit,
            Clock clock,
            TransactionLocks locks,
            DefaultAnnouncementService announcements) {
        this.store = store;
        this.due = due;
        this.audit = audit;
        this.clock = clock;
        this.locks = locks;
        this.announcements = announcements;
    }

    /**
     * In the background, so that readiness does not wait for it: with many schools to re-date it took 30 s of a
     * start (bench/run.sh, 800 schools and 1,000,000 holdings), and nothing needs it done first, since each proposal
     * and each daily run re-date what is pending for themselves.
     */
    void onStart(@Observes StartupEvent start, ManagedExecutor executor) {
        executor.runAsync(this::applyPendingAfterStart);
    }

    private void applyPendingAfterStart() {
        try {
            int applied = applyPending();
            if (applied > 0) {
                LOG.infof("re-dated the holdings of %d (school, revised default class) pairs", applied);
            }
        } catch (RuntimeException e) {
            // the daily run and each proposal apply what is left, before they propose anything
            LOG.warnf(e, "re-dating under revised default classes did not finish after start-up");
        }
    }

    /**
     * Re-dates every pending (school, class), each in a transaction of its own, then announces the revised rows to the
     * schools that have not heard them; returns how many (school, class) were re-dated.
     */
    public int applyPending() {
        List<Pending> pending = QuarkusTransaction.requiringNew().call(store::pending);
        int applied = 0;
        for (Pending p : pending) {
            if (QuarkusTransaction.requiringNew().call(() -> apply(p))) {
                applied++;
            }
        }
        int announced = announcements.announceRevisions();
        if (announced > 0) {
            LOG.infof("announced revised default classes to %d (school, class) pairs", announced);
        }
        return applied;
    }

    /**
     * Re-dates one school's pending classes in the caller's transaction (a proposal's), whose schedule locks it then
     * holds until the caller commits; returns how many were applied.
     */
    @Transactional
    public int applyPending(String urn) {
        int applied = 0;
        for (Pending p : store.pendingInSchool(urn)) {
            if (apply(p)) {
                applied++;
            }
        }
        return applied;
    }

    private boolean apply(Pending p) {
        locks.hold(ScheduleService.lockOf(p.urn(), p.classCode()));
        Instant now = clock.instant();
        if (!store.claim(p, now)) {
            return false; // another transaction applied it
        }
        DueService.Summary summary = due.forClass(p.urn(), p.classCode());
        store.recordOutcome(p, summary);
        Actor.service("revised default schedule")
                .audit(
                        audit,
                        now,
                        p.urn(),
                        "retention-schedule/" + p.classCode(),
                        "schedule.default-revised",
                        "revision " + p.revision() + " of the IRMS default: " + summary.examined()
                                + " holdings examined, " + summary.changed() + " re-dated");
        return true;
    }
}
