package org.custodian.sharing.projection;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.events.RightsEvents;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.inbox.IdempotentConsumer;
import org.custodian.platform.security.SchoolUrn;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.decision.ConsentStatus;
import org.custodian.sharing.partner.PartnerNotifier;
import org.custodian.sharing.partner.StopUsingRules;
import org.custodian.sharing.transfer.DueTransferService;
import org.custodian.sharing.webhook.PartnerEventType;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the decision engine's projections current from {@code custodian.consent.v1}, {@code custodian.roster.v1}
 * and {@code custodian.rights.v1}, and tells partners what they must do. Each event is applied once (the inbox
 * records its id in the same transaction); an invalid record goes to {@code custodian.dlq.sharing-service}.
 */
@ApplicationScoped
public class ProjectionConsumers {

    public static final String CONSENT = "sharing-consent-projection";
    public static final String ROSTER = "sharing-roster-projection";
    public static final String RIGHTS = "sharing-rights-projection";

    private final IdempotentConsumer idempotent;

    private final ProjectionQueries projections;

    private final PartnerNotifier partners;

    private final DueTransferService transfers;

    private final Clock clock;

    ProjectionConsumers(
            IdempotentConsumer idempotent,
            ProjectionQueries projections,
            PartnerNotifier partners,
            DueTransferService transfers,
            Clock clock) {
        this.clock = clock;
        this.transfers = transfers;
        this.idempotent = idempotent;
        this.projections = projections;
        this.partners = partners;
    }

    @Incoming("consent-in")
    @Blocking(ordered = true)
    public void consent(ConsumerRecord<String, String> record) {
        idempotent.apply(CONSENT, record, this::applyConsent);
    }

    @Incoming("roster-in")
    @Blocking(ordered = true)
    public void roster(ConsumerRecord<String, String> record) {
        idempotent.apply(ROSTER, record, this::applyRoster);
    }

    @Incoming("rights-in")
    @Blocking(ordered = true)
    public void rights(ConsumerRecord<String, String> record) {
        idempotent.apply(RIGHTS, record, this::applyRights);
    }

    void applyConsent(CloudEvent event) {
        String urn = school(event);
        Instant asOf = time(event);
        switch (event.type()) {
            case EventTypes.CONSENT_GRANTED, EventTypes.CONSENT_REFUSED, EventTypes.CONSENT_WITHDRAWN -> {
                ConsentEvents.DecisionRecorded d = CloudEventCodec.data(event, ConsentEvents.DecisionRecorded.class);
                require(d.pupilId(), "pupilId");
                require(d.purpose(), "purpose");
                ConsentStatus status = ConsentStatus.parse(d.effectiveStatus());
                Instant decidedAt = d.recordedAt() != null ? d.recordedAt() : asOf;
                // read before the projection moves on: a withdrawal that changes nothing effective tells no one
                boolean changes = EventTypes.CONSENT_WITHDRAWN.equals(event.type())
                        && StopUsingRules.changesEffective(
                                projections.consentHeld(urn, d.pupilId(), d.purpose()), status, decidedAt);
                projections.consentStatus(urn, d.pupilId(), d.purpose(), status, d.effectiveVersion(), decidedAt);
                if (changes) {
                    partners.consentWithdrawn(urn, d.pupilId(), d.purpose(), status, event.id());
                }
            }
            case EventTypes.CONSENT_EXPIRED -> {
                ConsentEvents.Expired e = CloudEventCodec.data(event, ConsentEvents.Expired.class);
                require(e.pupilId(), "pupilId");
                require(e.purpose(), "purpose");
                ConsentStatus status =
                        e.effectiveStatus() == null ? ConsentStatus.EXPIRED : ConsentStatus.parse(e.effectiveStatus());
                projections.consentStatus(urn, e.pupilId(), e.purpose(), status, null, asOf);
            }
            case EventTypes.PURPOSE_REWORDED -> {
                ConsentEvents.Reworded r = CloudEventCodec.data(event, ConsentEvents.Reworded.class);
                require(r.purpose(), "purpose");
                if (r.requiresReconsent()) {
                    projections.reworded(urn, r.purpose(), r.version());
                }
            }
            case EventTypes.BIOMETRIC_TEMPLATE_DELETION_REQUESTED -> {
                // PoFA 2012 s.26(3)(b), (5): after an objection or withdrawal the biometric data must not be processed
                // (and is destroyed, EN para 145), so a partner that received it (the catering supplier) must erase it
                ConsentEvents.TemplateDeletionRequested t =
                        CloudEventCodec.data(event, ConsentEvents.TemplateDeletionRequested.class);
                require(t.pupilId(), "pupilId");
                partners.templateDeletion(urn, t.pupilId(), t.taskId(), t.purpose(), t.reason(), event.id());
            }
            default -> {
                // other consent events do not change sharing decisions
            }
        }
    }

    void applyRoster(CloudEvent event) {
        switch (event.type()) {
            case EventTypes.PUPIL_ENROLLED, EventTypes.PUPIL_UPDATED -> {
                RosterEvents.PupilChanged p = CloudEventCodec.data(event, RosterEvents.PupilChanged.class);
                require(p.pupilId(), "pupilId");
                projections.pupilChanged(school(event), p.pupilId(), p.onRoll(), p.leavingDate(), time(event));
            }
            case EventTypes.PUPIL_LEFT -> {
                RosterEvents.PupilLeft p = CloudEventCodec.data(event, RosterEvents.PupilLeft.class);
                require(p.pupilId(), "pupilId");
                if (p.destinationUrn() != null && !SchoolUrn.isValid(p.destinationUrn())) {
                    throw new InvalidEventException("destinationUrn is not a school URN (six digits)");
                }
                // leaving opens the statutory transfers (reg 9(3); KCSIE), counted from the day registration ceased,
                // and addressed to the school the pupil left for; only an event the roster applies (not a stale one)
                projections
                        .pupilLeft(school(event), p.pupilId(), p.leavingDate(), time(event))
                        .ifPresent(applied -> transfers.pupilLeft(
                                school(event),
                                p.pupilId(),
                                p.leavingDate() != null ? p.leavingDate() : LegalTime.dayOf(time(event)),
                                applied.previousLeavingDate(),
                                p.destinationUrn()));
            }
            case EventTypes.SCHOOL_UPDATED -> {
                RosterEvents.SchoolUpdated school = CloudEventCodec.data(event, RosterEvents.SchoolUpdated.class);
                // whether the school is a public authority decides whether legitimate interests is open to it
                projections.schoolType(school(event), school.type(), time(event));
            }
            default -> {
                // guardian events do not change who is on roll
            }
        }
    }

    void applyRights(CloudEvent event) {
        String urn;
        switch (event.type()) {
            case EventTypes.PROCESSING_RESTRICTED, EventTypes.PROCESSING_UNRESTRICTED -> {
                urn = school(event);
                RightsEvents.RestrictionChanged r = CloudEventCodec.data(event, RightsEvents.RestrictionChanged.class);
                require(r.pupilId(), "pupilId");
                List<String> categories = r.categories() == null ? List.of() : r.categories();
                String requestId = r.requestId() != null ? r.requestId() : event.id();
                boolean restricted = EventTypes.PROCESSING_RESTRICTED.equals(event.type());
                if (restricted) {
                    projections.restrict(urn, r.pupilId(), requestId, categories, time(event));
                } else {
                    projections.unrestrict(urn, r.pupilId(), requestId, categories);
                }
                partners.rightsAction(
                        restricted ? PartnerEventType.PROCESSING_RESTRICTED : PartnerEventType.PROCESSING_UNRESTRICTED,
                        urn,
                        r.pupilId(),
                        r.requestId(),
                        categories,
                        false,
                        event.id());
            }
            case EventTypes.OBJECTION_UPHELD -> {
                urn = school(event);
                RightsEvents.ObjectionUpheld o = CloudEventCodec.data(event, RightsEvents.ObjectionUpheld.class);
                require(o.pupilId(), "pupilId");
                projections.objectionUpheld(
                        urn,
                        o.pupilId(),
                        o.requestId() != null ? o.requestId() : event.id(),
                        o.processing(),
                        o.purposes() == null ? List.of() : o.purposes(),
                        time(event));
            }
            case EventTypes.ERASURE_APPROVED -> {
                urn = school(event);
                RightsEvents.ErasureApproved e = CloudEventCodec.data(event, RightsEvents.ErasureApproved.class);
                require(e.pupilId(), "pupilId");
                partners.rightsAction(
                        PartnerEventType.ERASURE_REQUESTED,
                        urn,
                        e.pupilId(),
                        e.requestId(),
                        e.categories() == null ? List.of() : e.categories(),
                        e.consentBasedOnly(),
                        event.id());
            }
            case EventTypes.RECTIFICATION_APPROVED -> {
                urn = school(event);
                RightsEvents.RectificationApproved r =
                        CloudEventCodec.data(event, RightsEvents.RectificationApproved.class);
                require(r.pupilId(), "pupilId");
                partners.rightsAction(
                        PartnerEventType.RECTIFICATION_REQUESTED,
                        urn,
                        r.pupilId(),
                        r.requestId(),
                        r.categories() == null ? List.of() : r.categories(),
                        false,
                        event.id());
            }
            default -> {
                // requests received or completed and complaints do not concern sharing
            }
        }
    }

    private static String school(CloudEvent event) {
        if (event.schoolurn() == null) {
            throw new InvalidEventException("event " + event.id() + " (" + event.type() + ") has no schoolurn");
        }
        return event.schoolurn();
    }

    private Instant time(CloudEvent event) {
        return event.time() != null ? event.time().toInstant() : clock.instant();
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("event data has no " + field);
        }
    }
}
