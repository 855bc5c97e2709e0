package org.custodian.retention.holding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.persistence.TransactionLocks;
import org.custodian.retention.due.Due;
import org.custodian.retention.due.DueDates;
import org.custodian.retention.due.SubjectFacts;
import org.custodian.retention.schedule.ClassChanges;
import org.custodian.retention.schedule.ScheduleRuleRepository;
import org.custodian.retention.schedule.ScheduledClass;
import org.custodian.retention.support.Actor;

/**
 * Recomputes due dates when what they depend on changes: a pupil's dates, consent or erasure (all holdings about
 * the pupil), or a class's rule (all holdings of the class). Only holdings still in the register or proposed move;
 * approved and disposed ones keep the date they were approved on. Works a page at a time, so a class with many
 * holdings never sits in memory at once. The consumers of roster, consent and rights events apply them here, in the
 * transaction of their inbox.
 */
@ApplicationScoped
@Transactional
public class DueService implements ClassChanges {

    static final int PAGE = 2000;
    private static final UUID FIRST = new UUID(0, 0);

    /** How many holdings were looked at and how many got a different due date. */
    public record Summary(int examined, int changed) {}

    private final HoldingQueries holdings;
    private final ScheduleRuleRepository schedule;
    private final SubjectFactsQueries facts;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionLocks locks;

    public DueService(
            HoldingQueries holdings,
            ScheduleRuleRepository schedule,
            SubjectFactsQueries facts,
            AuditLog audit,
            Clock clock,
            TransactionLocks locks) {
        this.holdings = holdings;
        this.schedule = schedule;
        this.facts = facts;
        this.audit = audit;
        this.clock = clock;
        this.locks = locks;
    }

    @Override
    public Redated redate(String urn, String classCode) {
        Summary summary = forClass(urn, classCode);
        return new Redated(summary.examined(), summary.changed());
    }

    /** {@code pupil.enrolled} or {@code pupil.updated}: the pupil's dates, and their holdings re-dated. */
    public void pupilChanged(String urn, String pupilId, LocalDate dateOfBirth, LocalDate leavingDate, boolean onRoll) {
        locks.hold(HoldingService.lockOf(urn));
        facts.savePupil(urn, pupilId, dateOfBirth, leavingDate, onRoll);
        forPupil(urn, pupilId);
    }

    /** {@code pupil.left}: the pupil's leaving date, and their holdings re-dated. */
    public void pupilLeft(String urn, String pupilId, LocalDate leavingDate) {
        locks.hold(HoldingService.lockOf(urn));
        facts.pupilLeft(urn, pupilId, leavingDate);
        forPupil(urn, pupilId);
    }

    /**
     * Consent for a purpose stopped counting on a day — refused, withdrawn or expired ({@code how}, the effective
     * status): what the class keeps for that purpose falls due.
     */
    public void consentEnded(String urn, String pupilId, String purpose, LocalDate on, String how) {
        facts.consentEnded(urn, pupilId, purpose, on, how);
        forPupil(urn, pupilId);
    }

    /** Consent given again for a purpose: the withdrawal no longer makes anything due. */
    public void consentGiven(String urn, String pupilId, String purpose) {
        if (facts.consentGiven(urn, pupilId, purpose)) {
            forPupil(urn, pupilId);
        }
    }

    /**
     * An approved erasure brings the pupil's consent-based holdings forward and leaves legal-obligation holdings in
     * place with the reason noted on each; the outcome is written to the audit log.
     */
    public void erasureApproved(
            String eventId,
            String urn,
            String pupilId,
            String requestId,
            LocalDate on,
            boolean consentBasedOnly,
            List<String> categories,
            String reason) {
        facts.erasureApproved(urn, pupilId, requestId, on, consentBasedOnly, categories, reason);
        forPupil(urn, pupilId);

        String marker = "(request " + requestId + ")";
        List<Holding> about = holdings.forPupil(urn, pupilId).stream()
                .filter(h -> h.status().recomputable())
                .toList();
        TreeSet<String> brought = new TreeSet<>();
        TreeSet<String> kept = new TreeSet<>();
        long broughtCount = 0;
        long keptCount = 0;
        for (Holding h : about) {
            if (h.due().because() != null && h.due().because().contains(marker)) {
                brought.add(h.classCode());
                broughtCount++;
            } else if (h.due().erasureNote() != null && h.due().erasureNote().contains(marker)) {
                kept.add(h.classCode());
                keptCount++;
            }
        }
        Actor.service("erasure.approved " + eventId)
                .audit(
                        audit,
                        clock.instant(),
                        urn,
                        "pupils/" + pupilId,
                        "erasure.applied",
                        "request " + requestId + ": " + broughtCount + " consent-based holdings brought forward for "
                                + "destruction " + brought + "; " + keptCount
                                + " kept because they rest on a legal obligation " + kept
                                + (consentBasedOnly ? "" : " (the request asked for more than consent-based data)"));
    }

    public Summary forPupil(String urn, String pupilId) {
        return recompute(urn, HoldingQueries.Scope.pupil(Objects.requireNonNull(pupilId)));
    }

    public Summary forClass(String urn, String classCode) {
        return recompute(urn, HoldingQueries.Scope.recordClass(Objects.requireNonNull(classCode)));
    }

    public Summary forHoldings(String urn, Collection<UUID> ids) {
        return ids.isEmpty() ? new Summary(0, 0) : recompute(urn, HoldingQueries.Scope.ids(ids));
    }

    private Summary recompute(String urn, HoldingQueries.Scope scope) {
        Map<String, ScheduledClass> rules = schedule.classesInForce(urn);
        UUID after = FIRST;
        int examined = 0;
        int changed = 0;
        while (true) {
            List<Holding> page = holdings.recomputable(urn, scope, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Map<String, SubjectFacts> known = facts.load(
                    urn,
                    page.stream()
                            .map(Holding::pupilId)
                            .filter(Objects::nonNull)
                            .distinct()
                            .toList());
            List<HoldingQueries.DueUpdate> updates = new ArrayList<>();
            for (Holding holding : page) {
                ScheduledClass rule = rules.get(holding.classCode());
                if (rule == null) {
                    continue;
                }
                Due due = DueDates.compute(
                        rule.rule(),
                        holding.facts(),
                        holding.pupilId() == null
                                ? SubjectFacts.NONE
                                : known.getOrDefault(holding.pupilId(), SubjectFacts.NONE));
                if (!due.equals(holding.due())) {
                    updates.add(new HoldingQueries.DueUpdate(holding.id(), due));
                }
            }
            holdings.updateDue(urn, updates);
            examined += page.size();
            changed += updates.size();
            after = page.get(page.size() - 1).id();
            if (page.size() < PAGE) {
                break;
            }
        }
        return new Summary(examined, changed);
    }
}
