package org.custodian.sharing.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.http.ETags;
import org.custodian.platform.http.Params;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Visibility;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.actionkind.ActionDeadline;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.decision.AgreementRules;
import org.custodian.sharing.decision.AgreementTerms;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.RecipientRole;
import org.custodian.sharing.partner.SharingEndService;
import org.custodian.sharing.projection.ProjectionQueries;
import org.custodian.sharing.recipient.Recipient;
import org.custodian.sharing.recipient.RecipientRepository;
import org.custodian.sharing.school.SchoolScope;

/**
 * Sharing agreements: added, read and changed under their rules; ending the last agreement in force with a recipient
 * asks it to delete what it received.
 */
@ApplicationScoped
@Transactional
public class AgreementService {

    private final SchoolScope school;
    private final Caller caller;
    private final AgreementRepository agreements;
    private final RecipientRepository recipients;
    private final AuditLog audit;
    private final SharingEndService sharingEnds;
    private final Clock clock;
    private final ProjectionQueries projections;
    private final Outbox outbox;
    private final EventSource events;

    AgreementService(
            SchoolScope school,
            Caller caller,
            AgreementRepository agreements,
            RecipientRepository recipients,
            AuditLog audit,
            SharingEndService sharingEnds,
            Clock clock,
            ProjectionQueries projections,
            Outbox outbox,
            EventSource events) {
        this.projections = projections;
        this.outbox = outbox;
        this.events = events;
        this.school = school;
        this.caller = caller;
        this.agreements = agreements;
        this.recipients = recipients;
        this.audit = audit;
        this.sharingEnds = sharingEnds;
        this.clock = clock;
    }

    public Page<AgreementView> list(String urn, UUID recipientId, LawfulBasis basis, PageRequest page) {
        school.open(urn);
        return agreements.pageInSchool(urn, recipientId, basis, page).map(AgreementView::of);
    }

    public AgreementView get(String urn, UUID id) {
        school.open(urn);
        return AgreementView.of(load(urn, id));
    }

    public AgreementView create(String urn, AgreementRequest request) {
        school.open(urn);
        Recipient recipient = recipients
                .findInSchool(urn, request.recipientId())
                .orElseThrow(() -> Problems.invalid("recipientId", "no recipient with that id in this school"));
        check(request, recipient, projections.publicAuthority(urn));
        Agreement agreement =
                Agreement.create(urn, request.recipientId(), details(request, recipient), clock.instant());
        agreements.persist(agreement);
        outbox.append(AgreementEvents.of(events, EventTypes.AGREEMENT_CREATED, agreement));
        audit.record(caller, urn, subject(agreement.id()), "agreement.created", Outcome.SUCCESS, describe(agreement));
        return AgreementView.of(agreement);
    }

    public AgreementView update(String urn, UUID id, String ifMatch, AgreementRequest request) {
        school.open(urn);
        Agreement agreement = load(urn, id);
        if (!agreement.recipientId().equals(request.recipientId())) {
            throw Problems.invalid("recipientId", "an agreement's recipient cannot change; end it and add a new one");
        }
        Recipient recipient =
                recipients.findInSchool(urn, agreement.recipientId()).orElseThrow();
        check(request, recipient, projections.publicAuthority(urn));
        ETags.requireMatch(ifMatch, agreement.version());
        LocalDate previousEnd = agreement.validTo();
        agreement.change(details(request, recipient), clock.instant());
        try {
            agreements.flush();
        } catch (OptimisticLockException changedMeanwhile) {
            throw Problems.preconditionFailed("the agreement changed meanwhile; read it again and retry");
        }
        LocalDate today = LegalTime.today(clock);
        outbox.append(AgreementEvents.of(
                events, AgreementEvents.updateType(previousEnd, agreement.validTo(), today), agreement));
        audit.record(caller, urn, subject(agreement.id()), "agreement.updated", Outcome.SUCCESS, describe(agreement));
        if (agreement.validTo() != null
                && agreement.validTo().isBefore(today)
                && !agreement.validTo().equals(previousEnd)) {
            // ended before today: if it was the recipient's last agreement in force, sharing with it has ended
            sharingEnds.agreementEnded(urn, agreement.id(), agreement.recipientId(), agreement.validTo(), today);
        }
        return AgreementView.of(agreement);
    }

    private Agreement load(String urn, UUID id) {
        return Visibility.orNotFound(agreements.findInSchool(urn, id), "agreement");
    }

    private static void check(AgreementRequest r, Recipient recipient, boolean publicAuthority) {
        List<FieldError> errors = AgreementRules.check(
                        r.lawfulBasis(),
                        r.consentPurpose(),
                        r.legalReference(),
                        r.validFrom(),
                        r.validTo(),
                        recipient.country(),
                        r.transferCountry(),
                        r.transferSafeguard())
                .stream()
                .map(v -> new FieldError(v.field(), v.message()))
                .collect(Collectors.toCollection(ArrayList::new));
        AgreementRules.checkConditions(
                        r.lawfulBasis(),
                        r.dataCategories(),
                        conditions(r, recipient),
                        r.transferCountry() != null ? r.transferCountry() : recipient.country(),
                        r.transferSafeguard(),
                        recipient.sector(),
                        publicAuthority)
                .forEach(v -> errors.add(new FieldError(v.field(), v.message())));
        if (r.actionDeadlines() != null) {
            r.actionDeadlines().forEach((kind, d) -> {
                if (d.amount() > d.unit().max()) {
                    errors.add(new FieldError(
                            "actionDeadlines." + kind + ".amount",
                            "at most " + d.unit().max() + " "
                                    + d.unit().name().toLowerCase().replace('_', ' ')));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
    }

    private static AgreementDetails details(AgreementRequest request, Recipient recipient) {
        return new AgreementDetails(
                request.name().strip(),
                request.purposes(),
                request.dataCategories(),
                request.lawfulBasis(),
                request.consentPurpose(),
                request.legalReference(),
                request.validFrom(),
                request.validTo(),
                request.transferCountry(),
                request.transferSafeguard(),
                deadlines(request),
                conditions(request, recipient));
    }

    private static AgreementTerms.Conditions conditions(AgreementRequest request, Recipient recipient) {
        String contract = request.dataSubjectContract();
        return new AgreementTerms.Conditions(
                request.specialCategoryCondition(),
                request.schedule1Condition(),
                request.recipientRole() != null ? request.recipientRole() : defaultRole(recipient),
                Params.blankToNull(contract == null ? null : contract.strip()),
                request.adequacyScheme(),
                request.restrictionGround());
    }

    /** Absent a role, a recipient whose kind is PROCESSOR is one for this agreement too; any other is a controller. */
    private static RecipientRole defaultRole(Recipient recipient) {
        return recipient.kind() == Recipient.Kind.PROCESSOR ? RecipientRole.PROCESSOR : RecipientRole.CONTROLLER;
    }

    private static Map<ActionKind, ActionDeadline> deadlines(AgreementRequest r) {
        Map<ActionKind, ActionDeadline> set = new EnumMap<>(ActionKind.class);
        if (r.actionDeadlines() != null) {
            r.actionDeadlines().forEach((kind, d) -> set.put(kind, new ActionDeadline(d.amount(), d.unit())));
        }
        return set;
    }

    private static String describe(Agreement a) {
        var c = a.conditions();
        return a.name() + ": " + a.lawfulBasis() + (a.consentPurpose() == null ? "" : " (" + a.consentPurpose() + ")")
                + ", recipient as " + c.recipientRole()
                + (c.specialCategory() == null ? "" : ", " + c.specialCategory().citation())
                + (c.schedule1() == null ? "" : ", " + c.schedule1().citation())
                + (c.restrictionGround() == null ? "" : ", Art. 18(2) " + c.restrictionGround())
                + " for " + a.purposes() + " " + a.dataCategories() + " from " + a.validFrom()
                + (a.validTo() == null ? "" : " to " + a.validTo());
    }

    static String subject(UUID id) {
        return "agreements/" + id;
    }
}
