package org.custodian.retention.hold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.retention.events.RetentionEventSink;
import org.custodian.retention.events.RetentionEvents;
import org.custodian.retention.support.Today;

/** Placing and releasing legal holds: the state change, its event and its audit row, in one transaction. */
@ApplicationScoped
public class LegalHolds {

    public static final String SYSTEM_ACTOR = "retention-service";

    private final LegalHoldStore store;
    private final RetentionEventSink events;
    private final AuditLog audit;
    private final Today today;

    @Inject
    public LegalHolds(LegalHoldStore store, RetentionEventSink events, AuditLog audit, Today today) {
        this.store = store;
        this.events = events;
        this.audit = audit;
        this.today = today;
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
        Instant now = today.now();
        LegalHold hold = new LegalHold(
                UUID.randomUUID(),
                urn,
                scope,
                pupilId,
                classCode,
                reason,
                reference,
                caller.subject(),
                now,
                endsOn,
                null,
                null,
                null,
                null);
        store.insert(hold);
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
        return hold;
    }

    public LegalHold release(Caller caller, String urn, UUID id, String reason) {
        LegalHold hold =
                store.findForUpdate(urn, id).orElseThrow(() -> Problems.notFound("no legal hold with that id"));
        LegalHold.Status status = hold.statusOn(today.date());
        if (status != LegalHold.Status.ACTIVE) {
            throw Problems.conflict(
                    "this legal hold is already " + status.name().toLowerCase()
                            + (hold.releasedAt() == null ? " (its end date passed)" : " since " + hold.releasedAt()));
        }
        Instant now = today.now();
        store.release(urn, id, "RELEASED", caller.subject(), now, reason);
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
        return store.find(urn, id).orElseThrow();
    }

    /** Marks the school's holds whose end date has passed as ended, with their event; returns how many. */
    public int lapse(String urn) {
        LocalDate day = today.date();
        List<LegalHold> ended = store.endedBefore(urn, day);
        Instant now = today.now();
        for (LegalHold hold : ended) {
            store.release(urn, hold.id(), "ENDED", SYSTEM_ACTOR, now, "its end date " + hold.endsOn() + " passed");
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
        return ended.size();
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
