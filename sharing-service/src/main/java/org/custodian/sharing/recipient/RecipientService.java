package org.custodian.sharing.recipient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.http.ETags;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Visibility;
import org.custodian.sharing.decision.AgreementRules;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.recipient.Recipient.Kind;
import org.custodian.sharing.recipient.Recipient.Status;
import org.custodian.sharing.school.SchoolScope;

/** The school's recipients: listed, added and changed (suspending one ends all sharing with it). */
@ApplicationScoped
@Transactional
public class RecipientService {

    private final SchoolScope school;
    private final Caller caller;
    private final RecipientRepository recipients;
    private final AuditLog audit;
    private final Event<RecipientSuspended> suspended;
    private final Clock clock;
    private final PartnerReach reach;
    private final Outbox outbox;
    private final EventSource events;

    RecipientService(
            SchoolScope school,
            Caller caller,
            RecipientRepository recipients,
            AuditLog audit,
            Event<RecipientSuspended> suspended,
            Clock clock,
            PartnerReach reach,
            Outbox outbox,
            EventSource events) {
        this.reach = reach;
        this.outbox = outbox;
        this.events = events;
        this.school = school;
        this.caller = caller;
        this.recipients = recipients;
        this.audit = audit;
        this.suspended = suspended;
        this.clock = clock;
    }

    public Page<RecipientView> list(String urn, Status status, Kind kind, Sector sector, PageRequest page) {
        school.open(urn);
        return recipients.pageInSchool(urn, status, kind, sector, page).map(RecipientView::of);
    }

    /** The recipients a partner reaches across schools (issue 17), under no one school. */
    public Page<PartnerRecipientView> reachedByPartner(PageRequest page) {
        PartnerIdentity who = reach.identity()
                .orElseThrow(() -> Problems.forbidden("only a partner's own token reads a partner's recipients"));
        return recipients.pageReachedBy(who, page).map(PartnerRecipientView::of);
    }

    public RecipientView get(String urn, UUID id) {
        school.open(urn);
        return RecipientView.of(load(urn, id));
    }

    public RecipientView create(String urn, RecipientRequest request) {
        school.open(urn);
        checkCountry(request.country());
        Instant now = clock.instant();
        Recipient recipient = Recipient.create(
                urn,
                request.name().strip(),
                request.kind(),
                request.sector() == null ? Sector.OTHER : request.sector(),
                request.country(),
                request.contact(),
                request.contractReference(),
                request.description(),
                request.status() == null ? Status.ACTIVE : request.status(),
                false,
                now);
        if (request.partnerId() != null && !request.partnerId().isEmpty()) {
            recipient.linkPartner(request.partnerId(), now);
        }
        recipients.persist(recipient);
        outbox.append(RecipientEvents.of(events, EventTypes.RECIPIENT_CREATED, recipient));
        audit.record(
                caller,
                urn,
                subject(recipient.id()),
                "recipient.created",
                Outcome.SUCCESS,
                recipient.name() + " (" + recipient.kind() + ", " + recipient.sector() + ", " + recipient.status() + ")"
                        + partnerNote(recipient));
        return RecipientView.of(recipient);
    }

    public RecipientView update(String urn, UUID id, String ifMatch, RecipientRequest request) {
        school.open(urn);
        checkCountry(request.country());
        Recipient current = load(urn, id);
        ETags.requireMatch(ifMatch, current.version());
        boolean wasActive = current.active();
        current.change(
                request.name().strip(),
                request.kind(),
                request.sector() == null ? current.sector() : request.sector(),
                request.country(),
                request.contact(),
                request.contractReference(),
                request.description(),
                request.status() == null ? current.status() : request.status(),
                clock.instant());
        String linkedBefore = current.partnerId();
        if (request.partnerId() != null) {
            current.linkPartner(request.partnerId().isEmpty() ? null : request.partnerId(), clock.instant());
        }
        try {
            recipients.flush();
        } catch (OptimisticLockException changedMeanwhile) {
            throw Problems.preconditionFailed("the recipient changed meanwhile; read it again and retry");
        }
        Recipient next = current;
        outbox.append(RecipientEvents.of(events, EventTypes.RECIPIENT_UPDATED, next));
        audit.record(
                caller,
                urn,
                subject(next.id()),
                "recipient.updated",
                Outcome.SUCCESS,
                next.name() + " (" + next.kind() + ", " + next.sector() + ", " + next.status() + ", " + next.country()
                        + ")" + partnerNote(next)
                        + (Objects.equals(linkedBefore, next.partnerId())
                                ? ""
                                : ", partner link changed from " + (linkedBefore == null ? "none" : linkedBefore)));
        if (wasActive && !next.active()) {
            // the school stops sharing with it altogether: every pupil whose data it received is to be deleted
            suspended.fire(new RecipientSuspended(urn, next.id(), next.version()));
        }
        return RecipientView.of(next);
    }

    private static String partnerNote(Recipient r) {
        return r.partnerId() == null ? "" : ", linked to partner " + r.partnerId();
    }

    private Recipient load(String urn, UUID id) {
        return Visibility.orNotFound(recipients.findInSchool(urn, id), "recipient");
    }

    private static void checkCountry(String country) {
        if (!AgreementRules.isCountry(country)) {
            throw Problems.invalid("country", "not an ISO 3166-1 alpha-2 country code (the UK is GB)");
        }
    }

    static String subject(UUID id) {
        return "recipients/" + id;
    }
}
