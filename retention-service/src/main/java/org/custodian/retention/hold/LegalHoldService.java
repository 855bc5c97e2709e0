package org.custodian.retention.hold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RetentionEvents;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;
import org.custodian.retention.events.RetentionEventSink;
import org.custodian.retention.schedule.DefaultAnnouncementService;
import org.custodian.retention.schedule.ScheduleRuleRepository;
import org.custodian.retention.support.Violation;
import org.custodian.retention.support.Violations;

/**
 * Placing, reading and releasing legal holds: the state change, its event and its audit row, in one transaction. A
 * school's first hold also announces its default schedule ({@link DefaultAnnouncementService}).
 */
@ApplicationScoped
@Transactional
public class LegalHoldService {

    public static final String SYSTEM_ACTOR = "retention-service";

    private final LegalHoldRepository store;
    private final ScheduleRuleRepository schedule;
    private final RetentionEventSink events;
    private final AuditLog audit;
    private final Clock clock;
    private final DefaultAnnouncementService defaults;

    public LegalHoldService(
            LegalHoldRepository store,
            ScheduleRuleRepository schedule,
            RetentionEventSink events,
            AuditLog audit,
            Clock clock,
            DefaultAnnouncementService defaults) {
        this.store = store;
        this.schedule = schedule;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.defaults = defaults;
    }

    /** A school's holds, newest first; {@code activeOnly} leaves out released ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<LegalHold> list(String urn, boolean activeOnly, PageRequest page) {
        return store.pageInSchool(urn, activeOnly, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LegalHold get(String urn, UUID id) {
        return store.findInSchool(urn, id).orElseThrow(() -> Problems.notFound("no legal hold with that id"));
    }

    /** The rules of the holds that apply to the school today. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HoldRule> activeRules(String urn) {
        return store.rulesApplyingInSchool(urn, LegalTime.today(clock));
    }

    public LegalHold place(
            Caller caller,
            String urn,
            HoldScope scope,
            String pupilId,
            String classCode,
            String reason,
            String reference,
            LocalDate endsOn) {
        validate(urn, scope, pupilId, classCode, endsOn);
        Instant now = clock.instant();
        LegalHold hold =
                LegalHold.place(urn, scope, pupilId, classCode, reason, reference, caller.subject(), now, endsOn);
        store.persist(hold);
        events.emit(
                EventTypes.LEGAL_HOLD_PLACED,
                urn,
                pupilId,
                new RetentionEvents.LegalHoldPlaced(
                        hold.id().toString(),
                        scope.name(),
                        pupilId,
                        classCode,
                        reference,
                        endsOn,
                        caller.subject(),
                        now));
        audit.record(
                caller,
                urn,
                subject(hold),
                "legal-hold.placed",
                AuditEntry.Outcome.SUCCESS,
                describe(hold) + "; reference " + reference + (endsOn == null ? "" : "; ends " + endsOn) + "; reason: "
                        + reason);
        defaults.announceOnce(urn);
        return hold;
    }

    public LegalHold release(Caller caller, String urn, UUID id, String reason) {
        LegalHold hold =
                store.findInSchoolForUpdate(urn, id).orElseThrow(() -> Problems.notFound("no legal hold with that id"));
        Instant now = clock.instant();
        hold.release(caller.subject(), now, LegalTime.today(clock), reason);
        events.emit(
                EventTypes.LEGAL_HOLD_RELEASED,
                urn,
                hold.pupilId(),
                new RetentionEvents.LegalHoldReleased(
                        id.toString(),
                        hold.scope().name(),
                        hold.pupilId(),
                        hold.classCode(),
                        hold.reference(),
                        "RELEASED",
                        caller.subject(),
                        now));
        audit.record(
                caller,
                urn,
                subject(hold),
                "legal-hold.released",
                AuditEntry.Outcome.SUCCESS,
                describe(hold) + (reason == null ? "" : "; reason: " + reason));
        return hold;
    }

    /** Marks the school's holds whose end date has passed as ended, with their event; returns how many. */
    public int lapse(String urn) {
        LocalDate day = LegalTime.today(clock);
        List<LegalHold> ended = store.endedBeforeInSchool(urn, day);
        Instant now = clock.instant();
        for (LegalHold hold : ended) {
            hold.end(SYSTEM_ACTOR, now);
            events.emit(
                    EventTypes.LEGAL_HOLD_RELEASED,
                    urn,
                    hold.pupilId(),
                    new RetentionEvents.LegalHoldReleased(
                            hold.id().toString(),
                            hold.scope().name(),
                            hold.pupilId(),
                            hold.classCode(),
                            hold.reference(),
                            "ENDED",
                            SYSTEM_ACTOR,
                            now));
            audit.record(new AuditEntry(
                    urn,
                    now,
                    SYSTEM_ACTOR,
                    "service",
                    subject(hold),
                    "legal-hold.ended",
                    AuditEntry.Outcome.SUCCESS,
                    null,
                    describe(hold) + "; its end date " + hold.endsOn() + " passed"));
        }
        store.flush();
        return ended.size();
    }

    private void validate(String urn, HoldScope scope, String pupilId, String classCode, LocalDate endsOn) {
        List<Violation> violations = new ArrayList<>();
        boolean needsPupil = scope == HoldScope.PUPIL;
        boolean needsClass = scope == HoldScope.RECORD_CLASS;
        if (needsPupil != (pupilId != null)) {
            violations.add(new Violation(
                    "pupilId", needsPupil ? "a PUPIL hold names the pupil" : "only a PUPIL hold names a pupil"));
        }
        if (needsClass != (classCode != null)) {
            violations.add(new Violation(
                    "recordClass",
                    needsClass ? "a RECORD_CLASS hold names the class" : "only a RECORD_CLASS hold names a class"));
        } else if (needsClass && schedule.classInForce(urn, classCode).isEmpty()) {
            violations.add(new Violation("recordClass", "unknown record class '" + classCode + "'"));
        }
        if (endsOn != null && endsOn.isBefore(LegalTime.today(clock))) {
            violations.add(new Violation("endsOn", "in the past"));
        }
        Violations.throwIfAny(violations);
    }

    private static String subject(LegalHold hold) {
        return "legal-holds/" + hold.id();
    }

    private static String describe(LegalHold hold) {
        return switch (hold.scope()) {
            case SCHOOL -> "scope SCHOOL";
            case PUPIL -> "scope PUPIL " + hold.pupilId();
            case RECORD_CLASS -> "scope RECORD_CLASS " + hold.classCode();
        };
    }
}
