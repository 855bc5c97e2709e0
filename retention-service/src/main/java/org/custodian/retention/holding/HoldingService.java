package org.custodian.retention.holding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.persistence.TransactionLocks;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;
import org.custodian.retention.due.Due;
import org.custodian.retention.due.DueDates;
import org.custodian.retention.due.SubjectFacts;
import org.custodian.retention.schedule.DefaultAnnouncementService;
import org.custodian.retention.schedule.ScheduleRuleRepository;
import org.custodian.retention.schedule.ScheduledClass;
import org.custodian.retention.support.Violation;
import org.custodian.retention.support.Violations;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Registers a batch of holdings in one transaction: all or nothing, idempotent on (system, reference). A source
 * registered before is unchanged when it says the same, updated (and its due date recomputed) while it is still in
 * the register or proposed, and a conflict once it was approved or disposed of. Registrations of one school are
 * serialised (an advisory lock) so that two batches naming the same source cannot both create it; an approval that
 * slips in between reading and writing a holding makes the whole batch a conflict rather than change an approved
 * record. A school's first registration also announces its default schedule ({@link DefaultAnnouncementService}),
 * and a registration that changes which systems hold records of which class announces the new map
 * ({@link HoldingSystemsService}).
 */
@ApplicationScoped
@Transactional
public class HoldingService {

    @Schema(name = "RegistrationOutcome")
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Registered(Holding holding, Outcome outcome) {}

    private final HoldingQueries store;
    private final ScheduleRuleRepository schedule;
    private final SubjectFactsQueries facts;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionLocks locks;
    private final DefaultAnnouncementService defaults;
    private final HoldingSystemsService systems;

    public HoldingService(
            HoldingQueries store,
            ScheduleRuleRepository schedule,
            SubjectFactsQueries facts,
            AuditLog audit,
            Clock clock,
            TransactionLocks locks,
            DefaultAnnouncementService defaults,
            HoldingSystemsService systems) {
        this.store = store;
        this.schedule = schedule;
        this.facts = facts;
        this.audit = audit;
        this.clock = clock;
        this.locks = locks;
        this.defaults = defaults;
        this.systems = systems;
    }

    /** The register, filtered; each holding with whether a legal hold covers it today. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Holding> list(String urn, HoldingFilter filter, PageRequest page) {
        return store.page(urn, filter, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Holding get(String urn, UUID id) {
        return store.find(urn, id).orElseThrow(() -> Problems.notFound("no holding with that id"));
    }

    /**
     * Serialises the school's registrations with each other and with the roster projection: a holding registered
     * while the roster event about its pupil is being applied would otherwise be seen by neither, and wait for a
     * roster event that has already come.
     */
    static String lockOf(String urn) {
        return "retention.holdings." + urn;
    }

    public List<Registered> register(Caller caller, String urn, List<Registration> batch) {
        Map<String, ScheduledClass> rules = schedule.classesInForce(urn);
        Violations.throwIfAny(RegistrationRules.violations(
                batch, code -> Optional.ofNullable(rules.get(code)).map(ScheduledClass::rule), LegalTime.today(clock)));

        locks.hold(lockOf(urn));
        Map<String, Holding> existing = new HashMap<>();
        store.bySources(
                        urn,
                        batch.stream()
                                .collect(Collectors.groupingBy(
                                        Registration::system,
                                        Collectors.mapping(Registration::reference, Collectors.toList()))))
                .forEach(h -> existing.put(key(h.system(), h.reference()), h));
        Map<String, SubjectFacts> known = facts.load(
                urn,
                batch.stream()
                        .map(Registration::pupilId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());

        Instant now = clock.instant();
        List<Registered> result = new ArrayList<>(batch.size());
        List<Holding> created = new ArrayList<>();
        List<Holding> updated = new ArrayList<>();
        List<Violation> locked = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Registration item = batch.get(i);
            Holding before = existing.get(key(item.system(), item.reference()));
            if (before != null && item.sameAs(before)) {
                result.add(new Registered(before, Outcome.UNCHANGED));
                continue;
            }
            if (before != null && !before.status().recomputable()) {
                locked.add(new Violation(
                        "holdings[" + i + "]",
                        "already " + before.status().name().toLowerCase() + " (holding " + before.id()
                                + "): its facts can no longer change"));
                continue;
            }
            SubjectFacts subject =
                    item.pupilId() == null ? SubjectFacts.NONE : known.getOrDefault(item.pupilId(), SubjectFacts.NONE);
            UUID id = before == null ? UUID.randomUUID() : before.id();
            Holding draft = new Holding(
                    id,
                    urn,
                    item.recordClass(),
                    item.pupilId(),
                    item.system(),
                    item.reference(),
                    item.purpose(),
                    item.createdOn(),
                    item.closedOn(),
                    before == null ? HoldingStatus.ACTIVE : before.status(),
                    null,
                    before == null ? null : before.reviewOn(),
                    before == null ? null : before.batchId(),
                    null,
                    null,
                    before == null ? now : before.registeredAt(),
                    now);
            Due due = DueDates.compute(rules.get(item.recordClass()).rule(), draft.facts(), subject);
            Holding holding = withDue(draft, due);
            (before == null ? created : updated).add(holding);
            result.add(new Registered(holding, before == null ? Outcome.CREATED : Outcome.UPDATED));
        }
        if (!locked.isEmpty()) {
            throw Violations.conflict(
                    locked.size() + " of the holdings were approved for disposal or disposed of; "
                            + "nothing was registered",
                    locked.subList(0, Math.min(locked.size(), RegistrationRules.MAX_REPORTED)));
        }
        store.insert(urn, created);
        if (store.updateFacts(urn, updated) != updated.size()) {
            throw Problems.conflict("a holding of this batch was approved for disposal while it was being registered; "
                    + "nothing was registered: send the batch again");
        }
        audit.record(
                caller,
                urn,
                "holdings",
                "holdings.registered",
                AuditEntry.Outcome.SUCCESS,
                batch.size() + " holdings from "
                        + new TreeSet<>(batch.stream().map(Registration::system).toList())
                        + ": " + created.size() + " created, " + updated.size() + " updated, "
                        + (batch.size() - created.size() - updated.size()) + " unchanged");
        defaults.announceOnce(urn);
        systems.announceIfChanged(urn);
        return result;
    }

    private static Holding withDue(Holding h, Due due) {
        return new Holding(
                h.id(),
                h.schoolUrn(),
                h.classCode(),
                h.pupilId(),
                h.system(),
                h.reference(),
                h.purpose(),
                h.createdOn(),
                h.closedOn(),
                h.status(),
                due,
                h.reviewOn(),
                h.batchId(),
                h.approvedAction(),
                h.disposedOn(),
                h.registeredAt(),
                h.updatedAt());
    }

    private static String key(String system, String reference) {
        return system + "\u0000" + reference;
    }
}
