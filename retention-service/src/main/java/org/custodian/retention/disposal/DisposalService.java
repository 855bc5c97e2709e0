package org.custodian.retention.disposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RetentionEvents;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.persistence.TransactionLocks;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;
import org.custodian.retention.RetentionConfig;
import org.custodian.retention.disposal.ApprovalPlan.ItemOutcome;
import org.custodian.retention.disposal.ApprovalPlan.Planned;
import org.custodian.retention.disposal.ApprovalPlan.ProposedItem;
import org.custodian.retention.events.RetentionEventSink;
import org.custodian.retention.hold.HoldRule;
import org.custodian.retention.hold.LegalHoldRepository;
import org.custodian.retention.holding.DefaultRevisionService;
import org.custodian.retention.holding.DueService;
import org.custodian.retention.holding.Holding;
import org.custodian.retention.holding.HoldingQueries;
import org.custodian.retention.holding.HoldingStatus;
import org.custodian.retention.holding.HoldingSystemsService;
import org.custodian.retention.schedule.DisposalAction;
import org.custodian.retention.schedule.ScheduleRuleRepository;
import org.custodian.retention.schedule.ScheduledClass;
import org.custodian.retention.support.Actor;
import org.custodian.retention.support.Violation;
import org.custodian.retention.support.Violations;

/**
 * The disposal workflow: propose a batch of due, unheld holdings; the DPO approves it (with exclusions and
 * decisions); the owning systems confirm each disposal. Each step is one transaction with its events and audit rows;
 * a school's proposals and approvals are serialised.
 */
@ApplicationScoped
@Transactional
public class DisposalService {

    /** What an approval did, item by item, counted. */
    public record ApprovalResult(DisposalBatch batch, Map<ItemOutcome, Integer> outcomes) {}

    /** A batch for review: its counts and a page of its items, each with whether a legal hold covers it today. */
    public record Review(
            DisposalBatch batch,
            Map<String, Integer> itemsByClass,
            Map<String, Integer> itemsByAction,
            Map<String, Integer> itemsByDecision,
            Page<ReviewedItem> items) {}

    public record ReviewedItem(DisposalItem item, boolean underLegalHold) {}

    private final DisposalQueries store;
    private final DisposalBatchRepository batches;
    private final HoldingQueries holdings;
    private final LegalHoldRepository holds;
    private final DueService recalculation;
    private final RetentionEventSink events;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionLocks locks;
    private final ScheduleRuleRepository schedule;
    private final RetentionConfig config;
    private final DefaultRevisionService revisions;
    private final HoldingSystemsService systems;

    public DisposalService(
            DisposalQueries store,
            DisposalBatchRepository batches,
            HoldingQueries holdings,
            LegalHoldRepository holds,
            DueService recalculation,
            RetentionEventSink events,
            AuditLog audit,
            Clock clock,
            ScheduleRuleRepository schedule,
            RetentionConfig config,
            TransactionLocks locks,
            DefaultRevisionService revisions,
            HoldingSystemsService systems) {
        this.schedule = schedule;
        this.systems = systems;
        this.revisions = revisions;
        this.config = config;
        this.store = store;
        this.batches = batches;
        this.holdings = holdings;
        this.holds = holds;
        this.recalculation = recalculation;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.locks = locks;
    }

    /** A school's batches, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DisposalBatch> list(String urn, DisposalBatch.BatchStatus status, PageRequest page) {
        return batches.pageInSchool(urn, status, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DisposalBatch get(String urn, UUID id) {
        return batches.findInSchool(urn, id).orElseThrow(() -> Problems.notFound("no disposal batch with that id"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Review review(String urn, UUID id, PageRequest page) {
        DisposalBatch batch = get(urn, id);
        LocalDate day = LegalTime.today(clock);
        List<HoldRule> active = holds.rulesApplyingInSchool(urn, day);
        return new Review(
                batch,
                batches.countItemsBy(urn, batch.id(), DisposalBatchRepository.ItemCount.CLASS),
                batches.countItemsBy(urn, batch.id(), DisposalBatchRepository.ItemCount.ACTION),
                batches.countItemsBy(urn, batch.id(), DisposalBatchRepository.ItemCount.DECISION),
                batches.itemsOf(urn, batch.id(), page)
                        .map(i -> new ReviewedItem(
                                i,
                                i.confirmedAt() == null
                                        && active.stream().anyMatch(r -> r.covers(i.classCode(), i.pupilId(), day)))));
    }

    /**
     * A caller asks for a batch now: of what is due on or before the day (today when null, never later), of the
     * named classes (all when empty), at most {@code maxItems} (the configured maximum when null).
     */
    public DisposalBatch proposeNow(
            Caller caller, String urn, LocalDate dueOnOrBefore, List<String> recordClasses, Integer maxItems) {
        LocalDate day = LegalTime.today(clock);
        LocalDate onOrBefore = dueOnOrBefore == null ? day : dueOnOrBefore;
        List<Violation> invalid = new ArrayList<>();
        if (onOrBefore.isAfter(day)) {
            invalid.add(new Violation("dueOnOrBefore", "in the future: only what is due can be proposed"));
        }
        List<String> classes = recordClasses == null ? List.of() : recordClasses;
        Map<String, ScheduledClass> known = schedule.classesInForce(urn);
        for (int i = 0; i < classes.size(); i++) {
            if (!known.containsKey(classes.get(i))) {
                invalid.add(new Violation("recordClasses[" + i + "]", "unknown record class '" + classes.get(i) + "'"));
            }
        }
        Violations.throwIfAny(invalid);
        int max = maxItems == null ? config.disposal().maxItems() : maxItems;
        return propose(Actor.of(caller), urn, onOrBefore, classes, max)
                .orElseThrow(() -> Problems.unprocessable("no holding due on or before " + onOrBefore
                        + " is free of legal holds and not already in a batch"));
    }

    /** The destruction certificate of an approved batch; a conflict before approval. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DestructionCertificate certificate(String urn, UUID id) {
        DisposalBatch batch = get(urn, id);
        if (batch.status() == DisposalBatch.BatchStatus.PROPOSED) {
            throw Problems.conflict("the batch is not approved yet: there is nothing to certify");
        }
        Map<String, ScheduledClass> classes = schedule.classesInForce(urn);
        List<DestructionCertificate.CertifiedRecord> records = new ArrayList<>();
        Map<String, Integer> notDisposed = new TreeMap<>();
        boolean complete = true;
        for (DisposalItem item : batch.items()) {
            if (item.decision() != ItemOutcome.DESTROY && item.decision() != ItemOutcome.TRANSFER) {
                notDisposed.merge(String.valueOf(item.decision()), 1, Integer::sum);
                continue;
            }
            String status = item.confirmedAt() == null
                    ? "AWAITING_CONFIRMATION"
                    : item.decision() == ItemOutcome.TRANSFER ? "TRANSFERRED" : "DESTROYED";
            complete &= item.confirmedAt() != null;
            ScheduledClass rule = classes.get(item.classCode());
            records.add(new DestructionCertificate.CertifiedRecord(
                    item.holdingId(),
                    item.classCode(),
                    rule == null ? null : rule.rule().description(),
                    item.system(),
                    item.reference(),
                    item.createdOn(),
                    item.closedOn(),
                    item.dueOn(),
                    item.decision().name(),
                    item.nextSchoolUrn(),
                    status,
                    item.disposedOn(),
                    item.method(),
                    item.confirmedBy(),
                    item.confirmedByCaller(),
                    item.confirmedAt()));
        }
        return new DestructionCertificate(
                urn,
                batch.id(),
                clock.instant(),
                complete,
                batch.proposedAt(),
                batch.approvedBy(),
                batch.approvedAt(),
                batch.approvalNote(),
                batch.completedAt(),
                records,
                notDisposed);
    }

    /**
     * Proposes a batch of the school's due, unheld holdings; empty when there are none. The school's holdings of a
     * revised IRMS default are re-dated first, in this transaction, so that nothing is proposed on the old rule's date
     * whether or not the daily run has run since the revision.
     */
    public Optional<DisposalBatch> propose(
            Actor actor, String urn, LocalDate onOrBefore, List<String> classes, int maxItems) {
        locks.hold("retention.disposal." + urn);
        revisions.applyPending(urn);
        List<DisposalItem> items = store.dueAndUnheld(urn, onOrBefore, classes, maxItems);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        DisposalBatch batch = DisposalBatch.propose(urn, onOrBefore, items, actor.subject(), now);
        batches.persist(batch);
        holdings.markProposed(
                urn, batch.id(), items.stream().map(DisposalItem::holdingId).toList());
        Map<String, Integer> byClass = count(items, DisposalItem::classCode);
        Map<String, Integer> byAction = count(items, i -> i.proposedAction().name());
        events.emit(
                EventTypes.DISPOSAL_PROPOSED,
                urn,
                null,
                new RetentionEvents.DisposalProposed(
                        batch.id().toString(), onOrBefore, items.size(), byClass, byAction, actor.subject(), now));
        actor.audit(
                audit,
                now,
                urn,
                subject(batch.id()),
                "disposal.proposed",
                items.size() + " holdings due on or before " + onOrBefore + ": " + byClass);
        return Optional.of(batch);
    }

    public ApprovalResult approve(
            Actor actor,
            String urn,
            UUID batchId,
            List<ApprovalPlan.Exclusion> exclusions,
            List<ApprovalPlan.Decision> decisions,
            String note) {
        locks.hold("retention.disposal." + urn);
        DisposalBatch batch = batches.findInSchoolForUpdate(urn, batchId)
                .orElseThrow(() -> Problems.notFound("no disposal batch with that id"));
        batch.requireProposed();
        LocalDate day = LegalTime.today(clock);
        List<DisposalItem> items = batch.items();
        Map<UUID, Holding> current = holdings
                .byIds(urn, items.stream().map(DisposalItem::holdingId).toList())
                .stream()
                .collect(Collectors.toMap(Holding::id, Function.identity()));
        List<HoldRule> active = holds.rulesApplyingInSchool(urn, day);
        List<ProposedItem> proposed = new ArrayList<>();
        for (DisposalItem item : items) {
            Holding holding = current.get(item.holdingId());
            boolean inThisBatch =
                    holding != null && holding.status() == HoldingStatus.PROPOSED && batchId.equals(holding.batchId());
            DisposalAction action =
                    inThisBatch && holding.dueAction() != null ? holding.dueAction() : item.proposedAction();
            proposed.add(new ProposedItem(
                    item.holdingId(),
                    action,
                    inThisBatch && holding.due().isDueOn(day),
                    inThisBatch
                            && active.stream().anyMatch(r -> r.covers(holding.classCode(), holding.pupilId(), day))));
        }
        ApprovalPlan.Result plan = ApprovalPlan.plan(proposed, exclusions, decisions, day);
        Violations.throwIfAny(plan.invalid());
        if (!plan.held().isEmpty()) {
            throw Violations.conflict(
                    plan.held().size() + " holdings of this batch are under a legal hold and cannot be "
                            + "approved: exclude them",
                    plan.held().stream()
                            .limit(100)
                            .map(id -> new Violation("exclusions", "holding " + id + " is under a legal hold"))
                            .toList());
        }

        Instant now = clock.instant();
        Map<UUID, String> approved = new LinkedHashMap<>();
        Map<UUID, LocalDate> returned = new HashMap<>();
        for (Planned p : plan.items()) {
            if (p.approvedForDisposal()) {
                approved.put(p.holdingId(), p.outcome().name());
            } else if (inThisBatch(current.get(p.holdingId()), batchId)) {
                returned.put(p.holdingId(), p.reviewOn());
            }
        }
        holdings.markApproved(urn, approved);
        holdings.returnToRegister(urn, returned);
        recalculation.forHoldings(urn, returned.keySet());
        Map<UUID, Planned> byId =
                plan.items().stream().collect(Collectors.toMap(Planned::holdingId, Function.identity()));
        batch.approve(byId, actor.subject(), now, note);
        for (UUID id : approved.keySet()) {
            Holding h = current.get(id);
            events.emit(
                    EventTypes.DISPOSAL_APPROVED,
                    urn,
                    h.pupilId(),
                    new RetentionEvents.DisposalApproved(
                            batchId.toString(),
                            id.toString(),
                            h.pupilId(),
                            h.classCode(),
                            h.system(),
                            h.reference(),
                            approved.get(id),
                            byId.get(id).nextSchoolUrn(),
                            actor.subject(),
                            now));
        }
        Map<ItemOutcome, Integer> outcomes = new TreeMap<>();
        plan.items().forEach(p -> outcomes.merge(p.outcome(), 1, Integer::sum));
        actor.audit(
                audit,
                now,
                urn,
                subject(batchId),
                "disposal.approved",
                outcomes + (note == null ? "" : "; note: " + note));
        return new ApprovalResult(batch, outcomes);
    }

    /**
     * The owning system confirms that it destroyed (or transferred) an approved record; if it was the school's last
     * record of its class in that system, the system leaves the announced map ({@link HoldingSystemsService}).
     */
    public Holding confirm(Actor actor, String urn, UUID holdingId, LocalDate disposedOn, String method, String by) {
        Holding holding =
                holdings.findForUpdate(urn, holdingId).orElseThrow(() -> Problems.notFound("no holding with that id"));
        if (holding.status() == HoldingStatus.DISPOSED || holding.status() == HoldingStatus.TRANSFERRED) {
            throw Problems.conflict("this record was already confirmed "
                    + holding.status().name().toLowerCase() + " on " + holding.disposedOn()
                    + "; a record cannot be destroyed twice");
        }
        if (holding.status() != HoldingStatus.APPROVED) {
            throw Problems.conflict("this record is not approved for disposal (it is " + holding.status() + ")");
        }
        DisposalBatch batch =
                batches.findInSchoolForUpdate(urn, holding.batchId()).orElseThrow();
        LocalDate approvedOn = LegalTime.dayOf(batch.approvedAt());
        List<Violation> invalid = new ArrayList<>();
        if (disposedOn.isAfter(LegalTime.today(clock))) {
            invalid.add(new Violation("disposedOn", "in the future"));
        } else if (disposedOn.isBefore(approvedOn)) {
            invalid.add(new Violation("disposedOn", "before the disposal was approved (" + approvedOn + ")"));
        }
        Violations.throwIfAny(invalid);
        LocalDate day = LegalTime.today(clock);
        boolean underHold = holds.rulesApplyingInSchool(urn, day).stream()
                .anyMatch(r -> r.covers(holding.classCode(), holding.pupilId(), day));

        Instant now = clock.instant();
        boolean transfer = "TRANSFER".equals(holding.approvedAction());
        holdings.markDisposed(
                urn, holdingId, transfer ? HoldingStatus.TRANSFERRED : HoldingStatus.DISPOSED, disposedOn);
        boolean completed = batch.confirm(holdingId, disposedOn, method, by, actor.subject(), now);
        events.emit(
                EventTypes.RECORD_DISPOSED,
                urn,
                holding.pupilId(),
                new RetentionEvents.RecordDisposed(
                        batch.id().toString(),
                        holdingId.toString(),
                        holding.pupilId(),
                        holding.classCode(),
                        holding.system(),
                        holding.reference(),
                        transfer ? "TRANSFERRED" : "DESTROYED",
                        disposedOn,
                        method,
                        by));
        actor.audit(
                audit,
                now,
                urn,
                "holdings/" + holdingId,
                "record.disposed",
                (transfer ? "transferred" : "destroyed") + " on " + disposedOn + " by " + by + " (" + method + "): "
                        + holding.classCode() + " " + holding.system() + "/" + holding.reference()
                        + (underHold
                                ? "; WARNING: a legal hold covered this record when its disposal was confirmed"
                                : "")
                        + (completed ? "; batch " + batch.id() + " completed" : ""));
        systems.announceIfChanged(urn);
        return holdings.find(urn, holdingId).orElseThrow();
    }

    private static boolean inThisBatch(Holding holding, UUID batchId) {
        return holding != null && holding.status() == HoldingStatus.PROPOSED && batchId.equals(holding.batchId());
    }

    static String subject(UUID batchId) {
        return "disposal-batches/" + batchId;
    }

    private static Map<String, Integer> count(List<DisposalItem> items, Function<DisposalItem, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        items.forEach(i -> counts.merge(key.apply(i), 1, Integer::sum));
        return counts;
    }
}
