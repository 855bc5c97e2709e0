package org.custodian.retention.disposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.problems.Problems;
import org.custodian.retention.disposal.ApprovalPlan.Outcome;
import org.custodian.retention.disposal.ApprovalPlan.Planned;
import org.custodian.retention.disposal.ApprovalPlan.ProposedItem;
import org.custodian.retention.events.RetentionEventSink;
import org.custodian.retention.events.RetentionEvents;
import org.custodian.retention.hold.HoldRule;
import org.custodian.retention.hold.LegalHoldStore;
import org.custodian.retention.holding.DueRecalculation;
import org.custodian.retention.holding.Holding;
import org.custodian.retention.holding.HoldingStatus;
import org.custodian.retention.holding.HoldingStore;
import org.custodian.retention.schedule.DisposalAction;
import org.custodian.retention.schedule.Violation;
import org.custodian.retention.support.Actor;
import org.custodian.retention.support.Today;
import org.custodian.retention.support.Violations;

/**
 * The disposal workflow: propose a batch of due, unheld holdings; the DPO approves it (with exclusions and
 * decisions); the owning systems confirm each disposal. Each step is one transaction with its events and audit rows;
 * a school's proposals and approvals are serialised.
 */
@ApplicationScoped
public class Disposals {

    /** What an approval did, item by item, counted. */
    public record ApprovalResult(DisposalBatch batch, Map<Outcome, Integer> outcomes) {}

    private final Jdbc sql;
    private final DisposalStore store;
    private final HoldingStore holdings;
    private final LegalHoldStore holds;
    private final DueRecalculation recalculation;
    private final RetentionEventSink events;
    private final AuditLog audit;
    private final Today today;

    @Inject
    public Disposals(
            Jdbc sql,
            DisposalStore store,
            HoldingStore holdings,
            LegalHoldStore holds,
            DueRecalculation recalculation,
            RetentionEventSink events,
            AuditLog audit,
            Today today) {
        this.sql = sql;
        this.store = store;
        this.holdings = holdings;
        this.holds = holds;
        this.recalculation = recalculation;
        this.events = events;
        this.audit = audit;
        this.today = today;
    }

    /** Proposes a batch of the school's due, unheld holdings; empty when there are none. */
    public Optional<DisposalBatch> propose(
            Actor actor, String urn, LocalDate onOrBefore, List<String> classes, int maxItems) {
        lock(urn);
        List<DisposalItem> items = store.dueAndUnheld(urn, onOrBefore, classes, maxItems);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Instant now = today.now();
        DisposalBatch batch = new DisposalBatch(
                UUID.randomUUID(),
                urn,
                DisposalBatch.Status.PROPOSED,
                onOrBefore,
                items.size(),
                actor.subject(),
                now,
                null,
                null,
                null,
                null);
        store.insertBatch(batch, items);
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
        lock(urn);
        DisposalBatch batch = store.findForUpdate(urn, batchId)
                .orElseThrow(() -> Problems.notFound("no disposal batch with that id"));
        if (batch.status() != DisposalBatch.Status.PROPOSED) {
            throw Problems.conflict("this batch was already approved on " + batch.approvedAt() + " by "
                    + batch.approvedBy() + "; a batch cannot be approved twice");
        }
        LocalDate day = today.date();
        List<DisposalItem> items = store.allItems(urn, batchId);
        Map<UUID, Holding> current = holdings
                .byIds(urn, items.stream().map(DisposalItem::holdingId).toList())
                .stream()
                .collect(Collectors.toMap(Holding::id, Function.identity()));
        List<HoldRule> active = holds.activeRules(urn, day);
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

        Instant now = today.now();
        store.decide(urn, batchId, plan.items());
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
        DisposalBatch.Status status =
                approved.isEmpty() ? DisposalBatch.Status.COMPLETED : DisposalBatch.Status.APPROVED;
        store.approve(urn, batchId, status, actor.subject(), now, note);
        Map<UUID, Planned> byId =
                plan.items().stream().collect(Collectors.toMap(Planned::holdingId, Function.identity()));
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
        Map<Outcome, Integer> outcomes = new TreeMap<>();
        plan.items().forEach(p -> outcomes.merge(p.outcome(), 1, Integer::sum));
        actor.audit(
                audit, urn, subject(batchId), "disposal.approved", outcomes + (note == null ? "" : "; note: " + note));
        return new ApprovalResult(store.find(urn, batchId).orElseThrow(), outcomes);
    }

    /** The owning system confirms that it destroyed (or transferred) an approved record. */
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
        DisposalBatch batch = store.find(urn, holding.batchId()).orElseThrow();
        LocalDate approvedOn = Today.dayOf(batch.approvedAt());
        List<Violation> invalid = new ArrayList<>();
        if (disposedOn.isAfter(today.date())) {
            invalid.add(new Violation("disposedOn", "in the future"));
        } else if (disposedOn.isBefore(approvedOn)) {
            invalid.add(new Violation("disposedOn", "before the disposal was approved (" + approvedOn + ")"));
        }
        Violations.throwIfAny(invalid);
        LocalDate day = today.date();
        boolean underHold = holds.activeRules(urn, day).stream()
                .anyMatch(r -> r.covers(holding.classCode(), holding.pupilId(), day));

        Instant now = today.now();
        boolean transfer = "TRANSFER".equals(holding.approvedAction());
        holdings.markDisposed(
                urn, holdingId, transfer ? HoldingStatus.TRANSFERRED : HoldingStatus.DISPOSED, disposedOn);
        store.confirm(urn, batch.id(), holdingId, disposedOn, method, by, actor.subject(), now);
        boolean completed = store.completeIfDone(urn, batch.id(), now);
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
                urn,
                "holdings/" + holdingId,
                "record.disposed",
                (transfer ? "transferred" : "destroyed") + " on " + disposedOn + " by " + by + " (" + method + "): "
                        + holding.classCode() + " " + holding.system() + "/" + holding.reference()
                        + (underHold
                                ? "; WARNING: a legal hold covered this record when its disposal was confirmed"
                                : "")
                        + (completed ? "; batch " + batch.id() + " completed" : ""));
        return holdings.find(urn, holdingId).orElseThrow();
    }

    private static boolean inThisBatch(Holding holding, UUID batchId) {
        return holding != null && holding.status() == HoldingStatus.PROPOSED && batchId.equals(holding.batchId());
    }

    private void lock(String urn) {
        sql.list("SELECT pg_advisory_xact_lock(hashtext(?))", row -> 1, "retention.disposal." + urn);
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
