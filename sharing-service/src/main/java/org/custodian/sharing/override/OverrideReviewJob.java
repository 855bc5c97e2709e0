package org.custodian.sharing.override;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.calendar.Region;
import org.custodian.platform.calendar.WorkingDays;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.SharingEvents;
import org.custodian.platform.jobs.ClusterLock;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.disclosurelog.DisclosureEntry;
import org.jboss.logging.Logger;

/**
 * The daily look at the DPO's reviews, run by one replica ({@link ClusterLock}): an override still unreviewed after
 * its last day is marked overdue once, with a {@code disclosure.override-review-overdue} event for the DPO's tools and
 * an audit entry. Running it twice on a day changes nothing more.
 */
@ApplicationScoped
public class OverrideReviewJob {

    private static final WorkingDays WORKING = WorkingDays.in(Region.ENGLAND_AND_WALES);

    private static final Logger LOG = Logger.getLogger(OverrideReviewJob.class);
    public static final String JOB = "sharing-override-reviews";
    private static final int BATCH = 500;

    private final ClusterLock lock;
    private final OverrideRepository reviews;
    private final OverrideQueries overrides;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    private final EventSource eventSource;

    @Inject
    public OverrideReviewJob(
            ClusterLock lock,
            OverrideRepository reviews,
            OverrideQueries overrides,
            Outbox outbox,
            AuditLog audit,
            Clock clock,
            EventSource eventSource) {
        this.eventSource = eventSource;
        this.lock = lock;
        this.reviews = reviews;
        this.overrides = overrides;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(
            identity = JOB,
            cron = "{custodian.sharing.overrides.cron}",
            timeZone = LegalTime.ZONE_ID,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        LOG.infof("override reviews: %d found overdue", run());
    }

    /** Marks the reviews past their last day; returns how many (0 when another replica held the lock). */
    public int run() {
        Instant now = clock.instant();
        LocalDate today = LegalTime.today(clock);
        int[] overdue = {0};
        lock.runExclusively(JOB, () -> {
            List<OverrideReview> due;
            do {
                due = reviews.pastDue(today, BATCH);
                due.forEach(review -> overdue(review, now, today));
                overdue[0] += due.size();
            } while (due.size() == BATCH);
        });
        return overdue[0];
    }

    private void overdue(OverrideReview review, Instant now, LocalDate today) {
        DisclosureEntry d =
                overrides.disclosure(review.schoolUrn(), review.disclosureId()).orElseThrow();
        int days = Math.max(1, WORKING.between(review.dueOn(), today));
        review.markOverdue(now);
        outbox.append(eventSource.aboutPupil(
                EventTypes.OVERRIDE_REVIEW_OVERDUE,
                review.schoolUrn(),
                d.pupilId(),
                CloudEventCodec.toData(new SharingEvents.OverrideReviewOverdue(
                        d.id().toString(),
                        d.pupilId(),
                        d.recipientId().toString(),
                        d.disclosedAt(),
                        review.dueOn(),
                        days,
                        now))));
        audit.record(new AuditEntry(
                review.schoolUrn(),
                now,
                "sharing-service",
                "system",
                "pupils/" + d.pupilId(),
                "disclosure.override-review-overdue",
                AuditEntry.Outcome.SUCCESS,
                null,
                "emergency disclosure " + d.id()
                        + " to " + d.recipientName() + " on " + d.disclosedAt() + " was to be reviewed by the DPO by "
                        + review.dueOn() + "; still unreviewed"));
    }
}
