package org.custodian.platform.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.jboss.logging.Logger;

/**
 * Writes refused attempts to the audit log (issue 17): an authenticated caller's 403, 404 on a school's record, 409 or
 * 422 becomes an entry with outcome {@link Outcome#REFUSED}, the operation as its action and the problem as its
 * detail, in a transaction of its own (the request's work has rolled back), through the same hash-chained
 * {@link AuditLog}. {@link RefusalAuditFilter} finds them; this class caps them.
 *
 * <p>A flood of refusals must not fill the database: entries are small (the detail is cut to
 * {@value #MAX_DETAIL} characters, ids are written only when they look like ids), and each actor's refusals are
 * recorded up to {@code custodian.audit.refusals-per-minute} (30) a minute on each replica. The first refusal over the
 * cap in a minute writes one entry saying so ({@code audit.refusals-capped}); the rest are counted, not written
 * ({@code custodian.audit.refusals.dropped}). The cap is kept in memory, not in {@code quota_usage}: counting a
 * refusal in the database would itself be the write a flood should not cause.
 */
@ApplicationScoped
public class RefusalAudit {

    private static final Logger LOG = Logger.getLogger(RefusalAudit.class);

    /** The action of the one entry that says an actor's refusals stopped being recorded for the rest of a minute. */
    public static final String CAPPED = "audit.refusals-capped";

    static final int MAX_DETAIL = 400;
    private static final int MAX_ACTOR = 200;
    /** Actors tracked in one minute, at most: beyond it a new actor's refusals are counted, not written. */
    private static final int MAX_ACTORS = 10_000;

    private final AuditLog log;
    private final Clock clock;
    private final int perMinute;
    private final Counter recorded;
    private final Counter dropped;

    private long minute = Long.MIN_VALUE;
    private final Map<String, Integer> used = new HashMap<>();

    @Inject
    public RefusalAudit(AuditLog log, Clock clock, AuditConfig config, MeterRegistry meters) {
        this(log, clock, config.refusalsPerMinute(), meters);
    }

    RefusalAudit(AuditLog log, Clock clock, int perMinute, MeterRegistry meters) {
        this.log = log;
        this.clock = clock;
        this.perMinute = perMinute;
        this.recorded = meters.counter("custodian.audit.refusals.recorded");
        this.dropped = meters.counter("custodian.audit.refusals.dropped");
    }

    /** A refused attempt, as the filter saw it. */
    public record Refusal(
            String schoolUrn,
            String actor,
            String actorRole,
            String subject,
            String operation,
            String reason,
            String requestId) {}

    /** Records {@code refusal} in its own transaction, unless its actor is over the cap; never throws. */
    public void record(Refusal refusal) {
        String actor = cut(refusal.actor(), MAX_ACTOR);
        Admission admission = admit(actor);
        if (admission == Admission.DROP) {
            dropped.increment();
            return;
        }
        AuditEntry entry = admission == Admission.RECORD
                ? new AuditEntry(
                        refusal.schoolUrn(),
                        clock.instant(),
                        actor,
                        refusal.actorRole(),
                        refusal.subject(),
                        refusal.operation(),
                        Outcome.REFUSED,
                        refusal.requestId(),
                        cut(refusal.reason(), MAX_DETAIL))
                : new AuditEntry(
                        refusal.schoolUrn(),
                        clock.instant(),
                        actor,
                        refusal.actorRole(),
                        null,
                        CAPPED,
                        Outcome.REFUSED,
                        refusal.requestId(),
                        "more than " + perMinute + " refusals in a minute: the rest of this minute's are counted, not"
                                + " recorded");
        if (admission == Admission.CAP) {
            dropped.increment();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> log.record(entry));
            recorded.increment();
        } catch (RuntimeException e) {
            // the caller's answer stands whatever happens here
            LOG.warnf(e, "could not audit a refusal of %s for %s", entry.action(), entry.schoolUrn());
        }
    }

    enum Admission {
        RECORD,
        CAP,
        DROP
    }

    synchronized Admission admit(String actor) {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            minute = now;
            used.clear();
        }
        Integer count = used.get(actor);
        if (count == null && used.size() >= MAX_ACTORS) {
            return Admission.DROP;
        }
        int next = count == null ? 1 : count + 1;
        used.put(actor, next);
        if (next <= perMinute) {
            return Admission.RECORD;
        }
        return next == perMinute + 1 ? Admission.CAP : Admission.DROP;
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
