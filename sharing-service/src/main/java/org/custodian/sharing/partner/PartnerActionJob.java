package org.custodian.sharing.partner;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.SharingEvents;
import org.custodian.platform.events.Topics;
import org.custodian.platform.jobs.ClusterLock;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.SharingConfig;
import org.custodian.sharing.action.PartnerAction;
import org.custodian.sharing.action.PartnerActionRepository;
import org.jboss.logging.Logger;

/**
 * The daily job, run by one replica at a time ({@link ClusterLock}): (1) agreements whose last day has passed end
 * sharing with a recipient that has no other agreement in force; (2) actions still waiting after their last day are
 * marked {@code OVERDUE}, the partner gets an {@code action.reminder} webhook and {@code partner-action.overdue} goes
 * to {@code custodian.sharing.v1} for the DPO; (3) actions still overdue a reminder interval (in days) after the day of their
 * last reminder are reminded again. Time comes from the injected {@link Clock}.
 */
@ApplicationScoped
public class PartnerActionJob {

    private static final Logger LOG = Logger.getLogger(PartnerActionJob.class);
    public static final String JOB = "sharing-partner-actions";
    private static final int BATCH = 500;

    /** What one run did; {@code ran} is false when another replica held the lock. */
    public record Run(boolean ran, int agreementsEnded, int actionsOpened, int overdue, int reminded) {}

    private final ClusterLock lock;

    private final PartnerActionRepository repository;

    private final AgreementLookup agreements;

    private final SharingEndService ends;

    private final PartnerNotifier notifier;

    private final Outbox outbox;

    private final AuditLog audit;

    private final Clock clock;

    private final EventSource eventSource;

    private final SharingConfig config;

    PartnerActionJob(
            ClusterLock lock,
            PartnerActionRepository repository,
            AgreementLookup agreements,
            SharingEndService ends,
            PartnerNotifier notifier,
            Outbox outbox,
            AuditLog audit,
            Clock clock,
            EventSource eventSource,
            SharingConfig config) {
        this.config = config;
        this.eventSource = eventSource;
        this.lock = lock;
        this.repository = repository;
        this.agreements = agreements;
        this.ends = ends;
        this.notifier = notifier;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(
            identity = JOB,
            cron = "{custodian.sharing.partner-actions.cron}",
            timeZone = LegalTime.ZONE_ID,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        Run run = run();
        LOG.infof(
                "partner actions: ran=%s, %d agreement(s) ended (%d action(s) opened), %d overdue, %d reminded again",
                run.ran(), run.agreementsEnded(), run.actionsOpened(), run.overdue(), run.reminded());
    }

    public Run run() {
        Instant now = clock.instant();
        LocalDate today = LegalTime.today(clock);
        // reminded again on the day the interval has passed since the day of the last reminder, whatever the hour
        Instant remindedBefore = LegalTime.startOf(today.minusDays(
                Math.max(1, config.partnerActions().reminderInterval().toDays()) - 1));
        int[] counts = new int[4];
        boolean ran = lock.runExclusively(JOB, () -> {
            List<AgreementLookup.Ended> ended;
            do {
                ended = agreements.endedBefore(today, BATCH);
                for (AgreementLookup.Ended a : ended) {
                    counts[1] += ends.agreementEnded(a.schoolUrn(), a.id(), a.recipientId(), a.validTo(), today);
                    counts[0]++;
                }
            } while (ended.size() == BATCH);
            List<PartnerAction> due;
            do {
                due = repository.waitingPastDue(today, BATCH);
                due.forEach(a -> overdue(a, now, today));
                counts[2] += due.size();
            } while (due.size() == BATCH);
            List<PartnerAction> again;
            do {
                again = repository.overdueToRemind(remindedBefore, BATCH);
                for (PartnerAction a : again) {
                    a.remind(now);
                    notifier.reminder(a, a.reminders(), today);
                    audit.record(system(
                            a,
                            now,
                            "partner-action.reminded",
                            "reminder " + a.reminders() + " to " + a.recipientName() + ": due by " + a.dueOn()
                                    + ", still unanswered"));
                }
                counts[3] += again.size();
            } while (again.size() == BATCH);
        });
        return new Run(ran, counts[0], counts[1], counts[2], counts[3]);
    }

    private void overdue(PartnerAction a, Instant now, LocalDate today) {
        long days = ChronoUnit.DAYS.between(a.dueOn(), today);
        a.becomeOverdue(now);
        notifier.reminder(a, a.reminders(), today);
        outbox.append(
                Topics.SHARING,
                eventSource.aboutPupil(
                        EventTypes.PARTNER_ACTION_OVERDUE,
                        a.schoolUrn(),
                        a.pupilId(),
                        CloudEventCodec.toData(new SharingEvents.PartnerActionOverdue(
                                a.id().toString(),
                                a.recipientId().toString(),
                                a.pupilId(),
                                a.kind().name(),
                                a.causeType(),
                                a.openedAt(),
                                a.dueOn(),
                                days,
                                a.acknowledgedAt() != null,
                                now))));
        audit.record(system(
                a,
                now,
                "partner-action.overdue",
                a.kind() + " asked of " + a.recipientName() + " about pupil " + a.pupilId() + " was due by " + a.dueOn()
                        + " (" + days + " day(s) ago); reminder sent"));
    }

    private static AuditEntry system(PartnerAction a, Instant at, String action, String detail) {
        return new AuditEntry(
                a.schoolUrn(),
                at,
                "sharing-service",
                "system",
                "partner-actions/" + a.id(),
                action,
                AuditEntry.Outcome.SUCCESS,
                null,
                detail);
    }
}
