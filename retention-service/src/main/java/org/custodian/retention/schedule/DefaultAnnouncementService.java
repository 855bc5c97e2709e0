package org.custodian.retention.schedule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.persistence.TransactionLocks;
import org.custodian.retention.events.RetentionEventSink;

/**
 * Announces a school's default schedule: the IRMS rows live in code ({@link IrmsSchedule}) and are never changed
 * through the API, so without this a projection fed by events (accountability-service's privacy notice and public
 * schedule) would know only the classes a school changed. The first time retention-service learns of a school
 * ({@code school.updated} consumed from the roster, or the school's first holdings registration, schedule change or
 * legal hold, each of which calls {@link #announceOnce} in its own transaction), it emits one
 * {@code retention-rule.changed} per IRMS class the school has not overridden: origin {@value #ORIGIN}, version 0, the
 * rule as {@link ScheduleService#list} shows it, {@code changedAt} now. The {@code schedule_default_announced} row is
 * claimed in the transaction that writes the events to the outbox, so concurrent and redelivered triggers announce once.
 *
 * <p>When a release revises a default ({@code schedule_default_revision}), {@link #announceRevisions} announces the
 * revised row again, still version 0 and changed later, to every announced school that has not overridden the class
 * (consumers keep the latest by version, then {@code changedAt}).
 */
@ApplicationScoped
@Transactional
public class DefaultAnnouncementService {

    /** The {@code origin} of an announced IRMS default ({@link ScheduledClass.Origin#IRMS_DEFAULT} in the API). */
    public static final String ORIGIN = "IRMS";

    /** An announced school's revised default class, still to announce again. */
    public record PendingRevision(String urn, String classCode) {}

    private final DefaultAnnouncementQueries store;
    private final ScheduleRuleRepository schedule;
    private final RetentionEventSink events;
    private final Clock clock;
    private final TransactionLocks locks;

    public DefaultAnnouncementService(
            DefaultAnnouncementQueries store,
            ScheduleRuleRepository schedule,
            RetentionEventSink events,
            Clock clock,
            TransactionLocks locks) {
        this.store = store;
        this.schedule = schedule;
        this.events = events;
        this.clock = clock;
        this.locks = locks;
    }

    /**
     * Announces the school's IRMS defaults, in the caller's transaction, unless they were announced before; returns
     * how many classes it announced. Called after the caller's own change, so a class it overrode is not announced.
     */
    public int announceOnce(String urn) {
        Instant now = clock.instant();
        if (!store.claimSchool(urn, now)) {
            return 0;
        }
        int announced = 0;
        for (ScheduledClass c : schedule.classesInForce(urn).values()) {
            if (c.origin() == ScheduledClass.Origin.IRMS_DEFAULT) {
                announce(urn, c.rule(), now);
                announced++;
            }
        }
        return announced;
    }

    /**
     * Announces each revised default again to every announced school that has not heard the revision, each school
     * and class in a transaction of its own under the class's schedule lock ({@link ScheduleService#lockOf}); a class
     * the school overrode is marked heard and not announced. Returns how many (school, class) were announced.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int announceRevisions() {
        List<PendingRevision> pending = QuarkusTransaction.requiringNew().call(store::pendingRevisions);
        int announced = 0;
        for (PendingRevision p : pending) {
            if (QuarkusTransaction.requiringNew().call(() -> announceRevision(p))) {
                announced++;
            }
        }
        return announced;
    }

    private boolean announceRevision(PendingRevision p) {
        locks.hold(ScheduleService.lockOf(p.urn(), p.classCode()));
        Instant now = clock.instant();
        if (!store.claimRevisions(p, now)) {
            return false; // another transaction announced it
        }
        return schedule.classInForce(p.urn(), p.classCode())
                .filter(c -> c.origin() == ScheduledClass.Origin.IRMS_DEFAULT)
                .map(c -> {
                    announce(p.urn(), c.rule(), now);
                    return true;
                })
                .orElse(false);
    }

    private void announce(String urn, RetentionRule rule, Instant at) {
        events.emit(EventTypes.RETENTION_RULE_CHANGED, urn, null, ScheduleService.ruleChanged(rule, 0, ORIGIN, at));
    }
}
