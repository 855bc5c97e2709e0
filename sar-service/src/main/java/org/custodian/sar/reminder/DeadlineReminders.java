package org.custodian.sar.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RightsEvents;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.jobs.ClusterLock;
import org.custodian.platform.time.LegalTime;
import org.custodian.sar.config.SarConfig;
import org.custodian.sar.request.RightsEventPublisher;
import org.custodian.sar.request.RightsRequest;
import org.custodian.sar.request.RightsRequestRepository;
import org.jboss.logging.Logger;

/**
 * The daily job: for every open request whose deadline (the response, or a complaint's acknowledgement) falls within
 * the window, emit {@code request.due-soon}; once it has passed, {@code request.overdue}. Each is emitted once per
 * deadline date (a new date after an extension or a pause is a new deadline). One replica runs it: the job holds a
 * PostgreSQL advisory lock ({@link ClusterLock}) and its events go through the outbox in the same transaction as the
 * record of what was emitted.
 */
@ApplicationScoped
public class DeadlineReminders {

    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class);
    public static final String JOB = "sar-deadline-reminders";
    private static final int BATCH = 500;

    /** What one run emitted; {@code ran} is false when another replica held the lock. */
    public record Run(boolean ran, int dueSoon, int overdue) {}

    private final ClusterLock lock;
    private final RightsRequestRepository repository;
    private final RightsEventPublisher events;
    private final Jdbc sql;
    private final Period window;
    private final Clock clock;

    @Inject
    public DeadlineReminders(
            ClusterLock lock,
            RightsRequestRepository repository,
            RightsEventPublisher events,
            Jdbc sql,
            SarConfig config,
            Clock clock) {
        this.lock = lock;
        this.repository = repository;
        this.events = events;
        this.sql = sql;
        this.window = config.reminders().window();
        this.clock = clock;
    }

    @Scheduled(
            identity = JOB,
            cron = "{custodian.sar.reminders.cron}",
            timeZone = LegalTime.ZONE_ID,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        Run run = run(LegalTime.today(clock));
        LOG.infof("deadline reminders: ran=%s, %d due soon, %d overdue", run.ran(), run.dueSoon(), run.overdue());
    }

    public Run run(LocalDate today) {
        int[] counts = new int[2];
        boolean ran = lock.runExclusively(JOB, () -> {
            LocalDate horizon = today.plus(window);
            long afterSeq = 0;
            List<RightsRequest> batch;
            do {
                batch = repository.nearDeadline(horizon, afterSeq, BATCH);
                for (RightsRequest r : batch) {
                    remind(r, "RESPONSE", r.dueOn(), today, horizon, counts);
                    if (r.acknowledgedOn() == null) {
                        remind(r, "ACKNOWLEDGEMENT", r.acknowledgeBy(), today, horizon, counts);
                    }
                    afterSeq = r.seq();
                }
            } while (batch.size() == BATCH);
        });
        return new Run(ran, counts[0], counts[1]);
    }

    private void remind(
            RightsRequest r, String deadline, LocalDate dueOn, LocalDate today, LocalDate horizon, int[] counts) {
        if (dueOn == null || dueOn.isAfter(horizon)) {
            return;
        }
        boolean overdue = dueOn.isBefore(today);
        String kind = overdue ? "OVERDUE" : "DUE_SOON";
        int first = sql.update("""
                INSERT INTO deadline_notice (school_urn, request_id, kind, deadline, due_on) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, r.schoolUrn(), r.id(), kind, deadline, dueOn);
        if (first == 0) {
            return;
        }
        String requestId = r.id().toString();
        String type = r.type().name();
        if (overdue) {
            events.publish(
                    r,
                    EventTypes.REQUEST_OVERDUE,
                    new RightsEvents.Overdue(
                            requestId,
                            type,
                            r.subject().pupilId(),
                            r.subject().guardianId(),
                            deadline,
                            dueOn,
                            ChronoUnit.DAYS.between(dueOn, today)));
            counts[1]++;
        } else {
            events.publish(
                    r,
                    EventTypes.REQUEST_DUE_SOON,
                    new RightsEvents.DueSoon(
                            requestId,
                            type,
                            r.subject().pupilId(),
                            r.subject().guardianId(),
                            deadline,
                            dueOn,
                            ChronoUnit.DAYS.between(today, dueOn)));
            counts[0]++;
        }
    }
}
