package org.custodian.platform.quota;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;

/**
 * Per-person daily quotas on the flows someone could abuse one call at a time, within the gateway's rate limit:
 * rights requests a parent makes, consents a user withdraws in bulk. A use is counted in the caller's transaction
 * (so a request that fails counts nothing); going over is a 429 with {@code Retry-After} (to midnight, London time),
 * and the refused attempt is written to the audit log.
 */
@ApplicationScoped
public class Quotas {

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public Quotas(Jdbc jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Counts one use of {@code flow} by the caller today; refuses the one past {@code perDay}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consume(Caller caller, String urn, String flow, int perDay) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(LegalTime.ZONE));
        int used = jdbc.one("""
                INSERT INTO quota_usage (school_urn, actor, flow, day, used) VALUES (?, ?, ?, ?, 1)
                ON CONFLICT (school_urn, actor, flow, day) DO UPDATE SET used = quota_usage.used + 1
                RETURNING used
                """, rs -> rs.getInt(1), urn, caller.subject(), flow, now.toLocalDate())
                .orElseThrow();
        if (used > perDay) {
            audit.recordDenial(caller, urn, null, flow, "daily quota of " + perDay + " reached");
            long untilMidnight = Duration.between(
                            now, now.toLocalDate().plusDays(1).atStartOfDay(LegalTime.ZONE))
                    .toSeconds();
            throw Problems.tooManyRequests(
                    "you have reached today's limit of " + perDay + " for " + flow + "; it resets at midnight",
                    Math.max(1, untilMidnight));
        }
    }

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldDays() {
        jdbc.update(
                "DELETE FROM quota_usage WHERE day < ?", LegalTime.today(clock).minusDays(2));
    }
}
