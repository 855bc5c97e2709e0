package org.custodian.retention.holding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.retention.support.Actor;
import org.jboss.logging.Logger;

/**
 * Brings existing schools' registers onto a revised IRMS default: the defaults live in code, so every school reads
 * the corrected rule at once, but the due dates stored on its holdings were computed under the old one. For each
 * revision in {@code schedule_default_revision} (Flyway) not yet applied to a school that holds records of the class,
 * the school's holdings of the class are re-dated ({@link DueService#forClass}) and the revision is marked applied, in
 * one transaction per school and class. It runs at start-up and at the start of every daily disposal run (before any
 * batch is proposed), so no batch is proposed on a date the old rule gave.
 */
@ApplicationScoped
public class DefaultRevisionService {

    private static final Logger LOG = Logger.getLogger(DefaultRevisionService.class);

    /** One school's holdings of one revised class, still to re-date. */
    public record Pending(String urn, String classCode, int revision) {}

    private final Jdbc sql;
    private final DueService due;
    private final AuditLog audit;
    private final Clock clock;

    public DefaultRevisionService(Jdbc sql, DueService due, AuditLog audit, Clock clock) {
        this.sql = sql;
        this.due = due;
        this.audit = audit;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            int applied = applyPending();
            if (applied > 0) {
                LOG.infof("re-dated the holdings of %d (school, revised default class) pairs", applied);
            }
        } catch (RuntimeException e) {
            // the daily run applies what is left, before it proposes anything
            LOG.warnf(e, "re-dating under revised default classes did not finish at start-up");
        }
    }

    /** Re-dates every pending (school, class); returns how many were applied. */
    public int applyPending() {
        List<Pending> pending = QuarkusTransaction.requiringNew()
                .call(() -> sql.list("""
                SELECT DISTINCT h.school_urn, r.class_code, r.revision
                FROM schedule_default_revision r
                JOIN holding h ON h.class_code = r.class_code
                WHERE NOT EXISTS (SELECT 1 FROM schedule_default_applied a
                                  WHERE a.school_urn = h.school_urn AND a.class_code = r.class_code
                                    AND a.revision = r.revision)
                ORDER BY 1, 2, 3
                """, row -> new Pending(row.getString(1), row.getString(2), row.getInt(3))));
        int applied = 0;
        for (Pending p : pending) {
            if (QuarkusTransaction.requiringNew().call(() -> apply(p))) {
                applied++;
            }
        }
        return applied;
    }

    private boolean apply(Pending p) {
        int claimed = sql.update("""
                INSERT INTO schedule_default_applied (school_urn, class_code, revision, examined, changed)
                VALUES (?, ?, ?, 0, 0) ON CONFLICT DO NOTHING
                """, p.urn(), p.classCode(), p.revision());
        if (claimed == 0) {
            return false; // another replica applied it
        }
        DueService.Summary summary = due.forClass(p.urn(), p.classCode());
        sql.update(
                "UPDATE schedule_default_applied SET examined = ?, changed = ?"
                        + " WHERE school_urn = ? AND class_code = ? AND revision = ?",
                summary.examined(),
                summary.changed(),
                p.urn(),
                p.classCode(),
                p.revision());
        Actor.service("revised default schedule")
                .audit(
                        audit,
                        clock.instant(),
                        p.urn(),
                        "retention-schedule/" + p.classCode(),
                        "schedule.default-revised",
                        "revision " + p.revision() + " of the IRMS default: " + summary.examined()
                                + " holdings examined, " + summary.changed() + " re-dated");
        return true;
    }
}
