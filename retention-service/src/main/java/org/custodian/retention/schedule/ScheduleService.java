package org.custodian.retention.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RetentionEvents;
import org.custodian.platform.http.ETags;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.persistence.TransactionLocks;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.retention.events.RetentionEventSink;
import org.custodian.retention.support.Violations;

/**
 * The school's retention schedule: the IRMS toolkit rows, the school's versioned overrides of them and its own
 * classes. A change of a class re-dates every holding of it in the same transaction, with its audit row and its
 * {@code retention-rule.changed}; a school's first change also announces the defaults it has not overridden
 * ({@link DefaultAnnouncementService}).
 */
@ApplicationScoped
@Transactional
public class ScheduleService {

    /** A class as the school wants it (the request's fields, parsed by the resource). */
    public record ClassChange(
            String description,
            Trigger trigger,
            String period,
            DisposalAction action,
            LegalBasis basis,
            String citation,
            List<String> consentPurposes,
            List<String> categories,
            boolean reviewOnLeaving,
            Integer untilPupilAge,
            String note,
            String reason,
            boolean transferOnLeaving) {}

    /** A class as changed, with how many holdings got a new due date. */
    public record Changed(ScheduledClass recordClass, int holdingsExamined, int holdingsRedated) {}

    private final ScheduleRuleRepository store;
    private final ClassChanges classChanges;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionLocks locks;
    private final RetentionEventSink events;
    private final DefaultAnnouncementService defaults;

    public ScheduleService(
            ScheduleRuleRepository store,
            ClassChanges classChanges,
            AuditLog audit,
            Clock clock,
            TransactionLocks locks,
            RetentionEventSink events,
            DefaultAnnouncementService defaults) {
        this.store = store;
        this.classChanges = classChanges;
        this.audit = audit;
        this.clock = clock;
        this.locks = locks;
        this.events = events;
        this.defaults = defaults;
    }

    /**
     * The lock of a school's class, held by whatever changes the class or re-dates its holdings under a new rule (a
     * change here, a revised IRMS default), until its transaction ends.
     */
    public static String lockOf(String urn, String code) {
        return "retention.schedule." + urn + "." + code;
    }

    /** The classes in force, IRMS rows first in toolkit order, then the school's own, a page at a time by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ScheduledClass> list(String urn, PageRequest page) {
        List<ScheduledClass> all = new ArrayList<>(store.classesInForce(urn).values());
        int start = 0;
        if (!page.isFirst()) {
            String after = page.after(0);
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).rule().code().equals(after)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw PageRequest.badCursor();
            }
        }
        return Page.fromRows(
                all.subList(start, Math.min(all.size(), start + page.fetchSize())),
                page,
                c -> List.of(c.rule().code()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScheduledClass get(String urn, String code) {
        return store.classInForce(urn, code).orElseThrow(() -> Problems.notFound("no record class " + code));
    }

    /** Every version of a class, newest first (the IRMS default is version 0). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ScheduledClass> versions(String urn, String code, PageRequest page) {
        List<ScheduledClass> versions = store.versionsOf(urn, code);
        if (versions.isEmpty()) {
            throw Problems.notFound("no record class " + code);
        }
        long before = page.isFirst() ? Long.MAX_VALUE : page.afterLong(0);
        return Page.fromRows(
                versions.stream()
                        .filter(v -> v.version() < before)
                        .limit(page.fetchSize())
                        .toList(),
                page,
                v -> List.of(Integer.toString(v.version())));
    }

    /** Adds a class of the school's own, version 1; a conflict if the class exists. */
    public ScheduledClass add(Caller caller, String urn, String code, ClassChange change) {
        locks.hold(lockOf(urn, code));
        if (store.classInForce(urn, code).isPresent()) {
            throw Problems.conflict("record class " + code + " exists; change it with PUT");
        }
        ScheduledClass added = version(caller, change, code, ScheduledClass.Origin.SCHOOL_CLASS, 1);
        store.add(urn, added);
        announce(urn, added);
        audit.record(
                caller,
                urn,
                subject(added),
                "retention-schedule.class-added",
                AuditEntry.Outcome.SUCCESS,
                describe(added.rule()) + "; reason: " + change.reason());
        defaults.announceOnce(urn);
        return added;
    }

    /** Overrides a class as of the version the caller read ({@code If-Match}); every holding of it is re-dated. */
    public Changed override(Caller caller, String urn, String code, String ifMatch, ClassChange change) {
        locks.hold(lockOf(urn, code));
        ScheduledClass current = get(urn, code);
        ETags.requireMatch(ifMatch, current.version());
        ScheduledClass.Origin origin = current.origin() == ScheduledClass.Origin.SCHOOL_CLASS
                ? ScheduledClass.Origin.SCHOOL_CLASS
                : ScheduledClass.Origin.SCHOOL_OVERRIDE;
        ScheduledClass next = version(caller, change, code, origin, current.version() + 1);
        store.add(urn, next);
        ClassChanges.Redated redated = classChanges.redate(urn, code);
        announce(urn, next);
        audit.record(
                caller,
                urn,
                subject(next),
                "retention-schedule.changed",
                AuditEntry.Outcome.SUCCESS,
                "version " + next.version() + ": " + changes(current.rule(), next.rule()) + "; " + redated.changed()
                        + " of " + redated.examined() + " holdings re-dated; reason: " + change.reason());
        defaults.announceOnce(urn); // after the new version: the class overridden is not announced as a default
        return new Changed(next, redated.examined(), redated.changed());
    }

    private ScheduledClass version(
            Caller caller, ClassChange change, String code, ScheduledClass.Origin origin, int version) {
        Period period;
        try {
            period = Period.parse(change.period());
        } catch (DateTimeParseException e) {
            throw Problems.invalid("period", "an ISO-8601 period such as P25Y, P6M or P0D");
        }
        RetentionRule rule = new RetentionRule(
                code,
                change.description(),
                change.trigger(),
                period,
                change.action(),
                change.basis(),
                change.citation(),
                change.consentPurposes(),
                change.categories(),
                change.reviewOnLeaving(),
                change.untilPupilAge(),
                change.note(),
                change.transferOnLeaving());
        Violations.throwIfAny(rule.violations());
        return new ScheduledClass(rule, origin, version, caller.subject(), clock.instant(), change.reason());
    }

    /** {@code retention-rule.changed}: how long the school now keeps the class's records, for its privacy notice. */
    private void announce(String urn, ScheduledClass changed) {
        events.emit(
                EventTypes.RETENTION_RULE_CHANGED,
                urn,
                null,
                ruleChanged(changed.rule(), changed.version(), changed.origin().name(), changed.changedAt()));
    }

    /**
     * The data of {@code retention-rule.changed}: the rule's fields as {@link #list} shows them (the period as
     * ISO-8601), never the reason or who changed it.
     *
     * @param origin {@code SCHOOL_OVERRIDE} (the school's version of an IRMS row), {@code SCHOOL_CLASS} (a class of
     *     its own) or {@value DefaultAnnouncementService#ORIGIN} (an IRMS default the school has not overridden,
     *     version 0, announced once per school and again when a release revises it: {@link DefaultAnnouncementService})
     */
    static RetentionEvents.RetentionRuleChanged ruleChanged(RetentionRule r, int version, String origin, Instant at) {
        return new RetentionEvents.RetentionRuleChanged(
                r.code(),
                version,
                origin,
                r.description(),
                r.trigger().name(),
                r.period().toString(),
                r.action().name(),
                r.basis().name(),
                r.citation(),
                r.consentPurposes(),
                r.categories(),
                r.reviewOnLeaving(),
                r.untilPupilAge(),
                r.transferOnLeaving(),
                at);
    }

    private static String subject(ScheduledClass c) {
        return "retention-schedule/" + c.rule().code();
    }

    private static String describe(RetentionRule r) {
        return r.trigger() + " + " + r.period() + " then " + r.action() + " (" + r.basis() + ")";
    }

    static String changes(RetentionRule before, RetentionRule after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "trigger", before.trigger(), after.trigger());
        compare(changed, "period", before.period(), after.period());
        compare(changed, "action", before.action(), after.action());
        compare(changed, "basis", before.basis(), after.basis());
        compare(changed, "consentPurposes", before.consentPurposes(), after.consentPurposes());
        compare(changed, "reviewOnLeaving", before.reviewOnLeaving(), after.reviewOnLeaving());
        compare(changed, "untilPupilAge", before.untilPupilAge(), after.untilPupilAge());
        compare(changed, "transferOnLeaving", before.transferOnLeaving(), after.transferOnLeaving());
        compare(changed, "categories", before.categories(), after.categories());
        if (!Objects.equals(before.description(), after.description())
                || !Objects.equals(before.citation(), after.citation())
                || !Objects.equals(before.note(), after.note())) {
            changed.add("wording");
        }
        return changed.isEmpty() ? "no change of substance" : String.join(", ", changed);
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field + " " + before + " → " + after);
        }
    }
}
