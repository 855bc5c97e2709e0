package org.custodian.sharing.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Visibility;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.agreement.Agreement;
import org.custodian.sharing.agreement.AgreementRepository;
import org.custodian.sharing.decision.AgreementTerms;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.Decision;
import org.custodian.sharing.decision.DecisionEngine;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.OverrideRules;
import org.custodian.sharing.decision.PupilFacts;
import org.custodian.sharing.decision.Reason;
import org.custodian.sharing.decision.RecipientTerms;
import org.custodian.sharing.decision.RestrictionGround;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.decision.SharingRequest;
import org.custodian.sharing.decision.TransferDerogation;
import org.custodian.sharing.disclosurelog.DisclosureEntry;
import org.custodian.sharing.disclosurelog.DisclosureQueries;
import org.custodian.sharing.partner.PartnerNotifier;
import org.custodian.sharing.projection.ProjectionQueries;
import org.custodian.sharing.recipient.Recipient;
import org.custodian.sharing.recipient.RecipientRepository;
import org.custodian.sharing.school.SchoolScope;

/**
 * Runs the decision engine over a request's pupils from the local projections, and for a disclosure writes the log,
 * the events ({@code disclosure.made}, {@code disclosure.refused}), the partner's {@code disclosure.made} webhook and
 * the audit entries, all in one transaction. An emergency request (a justification given) that {@link OverrideRules}
 * refuses as a whole is refused before anything is decided or written (403 for a role that may not override, 422 for
 * a recipient or agreements it may not use), the attempt audited as denied; each override made opens the DPO's review
 * and alerts the DPO ({@code disclosure.override-made}) in the same transaction.
 */
@ApplicationScoped
@Transactional
public class DisclosureService {

    /** What to decide: who, what, why. {@code justification} set makes it an emergency (vital interests) request. */
    public record Ask(
            UUID recipientId,
            List<String> pupilIds,
            Set<DataCategory> categories,
            String purpose,
            String reason,
            String justification,
            RestrictionGround restrictionGround,
            TransferDerogation transferDerogation) {
        public boolean emergency() {
            return justification != null;
        }
    }

    /** The decisions for every pupil, with the ids of the log rows written (null for a check or a refusal). */
    public record Outcome(
            UUID requestId,
            Recipient recipient,
            Map<UUID, Agreement> agreements,
            LocalDate decidedOn,
            Instant decidedAt,
            List<Decision> decisions,
            Map<String, UUID> disclosureIds) {
        public long allowed() {
            return decisions.stream().filter(Decision::allowed).count();
        }
    }

    private final RecipientRepository recipients;

    private final AgreementRepository agreements;

    private final ProjectionQueries projections;

    private final DisclosureQueries log;

    private final PartnerNotifier partners;

    private final Outbox outbox;

    private final AuditLog audit;

    private final Caller caller;

    private final Clock clock;

    private final Event<OverridesLogged> overridesLogged;

    private final EventSource eventSource;

    private final SchoolScope school;

    DisclosureService(
            RecipientRepository recipients,
            AgreementRepository agreements,
            ProjectionQueries projections,
            DisclosureQueries log,
            PartnerNotifier partners,
            Outbox outbox,
            AuditLog audit,
            Caller caller,
            Clock clock,
            Event<OverridesLogged> overridesLogged,
            EventSource eventSource,
            SchoolScope school) {
        this.school = school;
        this.eventSource = eventSource;
        this.recipients = recipients;
        this.agreements = agreements;
        this.projections = projections;
        this.log = log;
        this.partners = partners;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
        this.overridesLogged = overridesLogged;
    }

    /** Decides each pupil and logs the allowed disclosures (disclosure.made / disclosure.refused). */
    public DecisionsView disclose(String urn, DisclosureRequest request) {
        Ask ask = open(urn, request);
        if (request.reason() == null || request.reason().isBlank()) {
            throw Problems.invalid("reason", "say why the data is being disclosed");
        }
        return DecisionsView.of(request, decideAndLog(urn, ask));
    }

    /** Decides without disclosing (sharing-checks). */
    public DecisionsView check(String urn, DisclosureRequest request) {
        return DecisionsView.of(request, decideOnly(urn, open(urn, request)));
    }

    /** The disclosure log matching the query parameters (parsed here: 400 naming the parameter when bad). */
    public Page<DisclosureEntry> list(
            String urn, String pupilId, String recipientId, String from, String to, PageRequest page) {
        school.open(urn);
        DisclosureQueries.Filter filter = DisclosureQueries.Filter.parse(pupilId, recipientId, from, to, false);
        Page<DisclosureEntry> result = log.page(urn, filter, page);
        readLog(urn, filter, result.items().size(), "disclosure log rows");
        return result;
    }

    public DisclosureEntry get(String urn, UUID id) {
        school.open(urn);
        return Visibility.orNotFound(log.find(urn, id), "disclosure");
    }

    /** A read of the log filtered to one pupil is audited ({@code disclosures.read}); other reads are not. */
    public void readLog(String urn, DisclosureQueries.Filter filter, int rows, String what) {
        if (filter.pupilId() != null) {
            audit.record(
                    caller,
                    urn,
                    "pupils/" + filter.pupilId(),
                    "disclosures.read",
                    AuditEntry.Outcome.SUCCESS,
                    rows + " " + what);
        }
    }

    /** Decides without logging (sharing-checks); audited as one check. */
    private Outcome decideOnly(String urn, Ask ask) {
        requireOverrideRole(urn, ask);
        Outcome outcome = decide(urn, ask, null, false);
        audit.record(
                caller,
                urn,
                "recipients/" + ask.recipientId(),
                "sharing.checked",
                AuditEntry.Outcome.SUCCESS,
                summary(ask, outcome));
        return outcome;
    }

    /** Decides and logs: the allowed pupils' data is disclosed. */
    private Outcome decideAndLog(String urn, Ask ask) {
        requireOverrideRole(urn, ask);
        UUID requestId = UUID.randomUUID();
        Outcome outcome = decide(urn, ask, requestId, true);
        Recipient recipient = outcome.recipient();
        Instant at = outcome.decidedAt();
        List<DisclosureEntry> rows = new ArrayList<>();
        List<OverridesLogged.Entry> overridden = new ArrayList<>();
        Map<String, List<String>> refusals = new LinkedHashMap<>();
        List<String> categories =
                ask.categories().stream().map(Enum::name).sorted().toList();
        for (Decision d : outcome.decisions()) {
            if (d.allowed()) {
                AgreementTerms a = d.agreement();
                Decision.Grounds g = d.grounds();
                DisclosureEntry row = new DisclosureEntry(
                        outcome.disclosureIds().get(d.pupilId()),
                        requestId,
                        d.pupilId(),
                        recipient.id(),
                        recipient.name(),
                        recipient.kind().name(),
                        a == null ? null : a.id(),
                        d.basis().name(),
                        a == null ? null : a.basis().name(),
                        a == null ? null : a.consentPurpose(),
                        a == null ? null : outcome.agreements().get(a.id()).legalReference(),
                        ask.purpose(),
                        categories,
                        ask.reason(),
                        d.override(),
                        ask.justification(),
                        caller.subject(),
                        caller.primaryRole(),
                        at,
                        name(g.specialCategory()),
                        name(g.schedule1()),
                        name(g.restrictionGround()),
                        name(g.transferDerogation()));
                rows.add(row);
                if (d.override()) {
                    overridden.add(new OverridesLogged.Entry(
                            row,
                            recipient.sector(),
                            OverrideRules.authorisingRole(caller.roles()).orElseThrow(),
                            d.overridden()));
                }
            } else {
                refusals.put(d.pupilId(), d.reasons().stream().map(Enum::name).toList());
            }
        }
        log.insertRequest(
                urn,
                requestId,
                recipient.id(),
                ask.purpose(),
                categories,
                ask.reason(),
                ask.justification(),
                caller.subject(),
                caller.primaryRole(),
                at,
                rows.size(),
                refusals.size());
        log.insertAll(urn, rows);
        log.insertRefusals(urn, requestId, recipient.id(), ask.purpose(), refusals, at);
        List<CloudEvent> events = new ArrayList<>(outcome.decisions().size());
        for (DisclosureEntry row : rows) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("disclosureId", row.id().toString());
            data.put("requestId", requestId.toString());
            data.put("pupilId", row.pupilId());
            data.put("recipientId", recipient.id().toString());
            data.put(
                    "agreementId",
                    row.agreementId() == null ? null : row.agreementId().toString());
            data.put("lawfulBasis", row.lawfulBasis());
            data.put("purpose", row.purpose());
            data.put("dataCategories", categories);
            data.put("override", row.override());
            data.put("disclosedAt", at.toString());
            events.add(eventSource.aboutPupil(
                    EventTypes.DISCLOSURE_MADE, urn, row.pupilId(), CloudEventCodec.toData(data)));
        }
        for (OverridesLogged.Entry made : overridden) {
            DisclosureEntry row = made.disclosure();
            audit.record(
                    caller,
                    urn,
                    "pupils/" + row.pupilId(),
                    "disclosure.override",
                    AuditEntry.Outcome.SUCCESS,
                    "emergency disclosure " + row.id() + " to " + recipient.name() + " (" + recipient.sector()
                            + ") on vital interests "
                            + (row.agreementId() == null
                                    ? "with no prior agreement"
                                    : "instead of " + row.agreementBasis())
                            + ", as " + made.authorisedAs()
                            + ", overriding " + made.overridden() + ": " + ask.justification());
        }
        refusals.forEach((pupil, reasons) -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("requestId", requestId.toString());
            data.put("pupilId", pupil);
            data.put("recipientId", recipient.id().toString());
            data.put("purpose", ask.purpose());
            data.put("dataCategories", categories);
            data.put("reasons", reasons);
            data.put("refusedAt", at.toString());
            events.add(eventSource.aboutPupil(EventTypes.DISCLOSURE_REFUSED, urn, pupil, CloudEventCodec.toData(data)));
        });
        outbox.appendAll(events);
        if (!overridden.isEmpty()) {
            overridesLogged.fire(new OverridesLogged(urn, overridden));
        }
        if (!rows.isEmpty()) {
            partners.disclosureMade(
                    urn,
                    recipient.id(),
                    requestId,
                    ask.purpose(),
                    ask.categories(),
                    rows.stream()
                            .map(r -> new PartnerNotifier.Disclosed(
                                    r.pupilId(), r.id(), r.lawfulBasis(), r.agreementId()))
                            .toList());
        }
        audit.record(
                caller,
                urn,
                "disclosure-requests/" + requestId,
                "disclosure.decided",
                AuditEntry.Outcome.SUCCESS,
                summary(ask, outcome));
        return outcome;
    }

    /**
     * An emergency request from a role that may not override is refused (403) before anything is read, decided or
     * written; the attempt is audited as denied in a transaction of its own. Call it before the school is opened, so
     * that the request has written nothing the denial's transaction could wait for.
     */
    public void requireOverrideRole(String urn, Ask ask) {
        if (ask.emergency() && OverrideRules.authorisingRole(caller.roles()).isEmpty()) {
            refuseOverride(urn, ask, OverrideRules.Refusal.ROLE_NOT_AUTHORISED, null);
        }
    }

    private void refuseOverride(String urn, Ask ask, OverrideRules.Refusal refusal, Sector sector) {
        String detail = refusal.detail(sector);
        audit.recordDenial(
                caller,
                urn,
                "recipients/" + ask.recipientId(),
                "disclosure.override-refused",
                refusal + ": emergency disclosure about " + ask.pupilIds().size() + " pupil(s), purpose "
                        + ask.purpose() + "; nothing disclosed");
        throw refusal.status() == 403 ? Problems.forbidden(detail) : Problems.unprocessable(detail);
    }

    private Outcome decide(String urn, Ask ask, UUID requestId, boolean assignIds) {
        Recipient recipient = recipients
                .findInSchoolForShare(urn, ask.recipientId())
                .orElseThrow(() -> Problems.invalid("recipientId", "no recipient with that id in this school"));
        List<Agreement> candidates = agreements.forRecipient(urn, recipient.id());
        List<AgreementTerms> terms = candidates.stream().map(Agreement::terms).toList();
        if (ask.emergency()) {
            List<LawfulBasis> covering = terms.stream()
                    .filter(t -> t.covers(ask.purpose(), ask.categories()))
                    .map(AgreementTerms::basis)
                    .toList();
            OverrideRules.refusal(caller.roles(), recipient.sector(), covering)
                    .ifPresent(refusal -> refuseOverride(urn, ask, refusal, recipient.sector()));
        }
        Set<String> consentPurposes = terms.stream()
                .map(AgreementTerms::consentPurpose)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        LocalDate today = LegalTime.today(clock);
        Instant now = clock.instant();
        Map<String, PupilFacts> facts = projections.facts(urn, ask.pupilIds(), consentPurposes, today);
        RecipientTerms recipientTerms = recipient.terms();
        SharingRequest request = new SharingRequest(
                ask.purpose(),
                ask.categories(),
                today,
                ask.emergency(),
                caller.roles(),
                projections.publicAuthority(urn),
                ask.restrictionGround(),
                ask.transferDerogation());
        List<Decision> decisions = new ArrayList<>(ask.pupilIds().size());
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (String pupil : ask.pupilIds()) {
            Decision decision = DecisionEngine.decide(recipientTerms, terms, request, facts.get(pupil));
            decisions.add(decision);
            if (assignIds && decision.allowed()) {
                ids.put(pupil, UUID.randomUUID());
            }
        }
        Map<UUID, Agreement> byId = candidates.stream().collect(Collectors.toMap(Agreement::id, a -> a));
        return new Outcome(requestId, recipient, byId, today, now, decisions, ids);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String summary(Ask ask, Outcome outcome) {
        long allowed = outcome.allowed();
        Map<Reason, Long> reasons = new LinkedHashMap<>();
        outcome.decisions().forEach(d -> d.reasons().forEach(r -> reasons.merge(r, 1L, Long::sum)));
        long overrides = outcome.decisions().stream().filter(Decision::override).count();
        return (outcome.requestId() == null ? "check" : "request " + outcome.requestId()) + ": "
                + outcome.recipient().name() + ", purpose " + ask.purpose() + ", "
                + new java.util.TreeSet<>(ask.categories())
                + "; " + allowed + " allowed, " + (outcome.decisions().size() - allowed) + " refused"
                + (reasons.isEmpty() ? "" : " " + reasons)
                + (overrides > 0 ? "; " + overrides + " emergency overrides" : "")
                + (ask.reason() == null ? "" : "; reason: " + ask.reason());
    }

    /** The school's wall, then an emergency request refused for the caller's role, before the school is opened. */
    private Ask open(String urn, DisclosureRequest request) {
        caller.requireSchool(urn);
        Ask ask = ask(request);
        requireOverrideRole(urn, ask);
        school.open(urn);
        return ask;
    }

    private static Ask ask(DisclosureRequest request) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.pupilIds().size(); i++) {
            if (!seen.add(request.pupilIds().get(i))) {
                throw Problems.invalid(
                        "pupilIds[" + i + "]", "pupil " + request.pupilIds().get(i) + " is listed twice");
            }
        }
        return new Ask(
                request.recipientId(),
                List.copyOf(request.pupilIds()),
                EnumSet.copyOf(request.dataCategories()),
                request.purpose(),
                request.reason() == null ? null : request.reason().strip(),
                request.emergencyJustification(),
                request.restrictionGround(),
                request.transferDerogation());
    }
}
