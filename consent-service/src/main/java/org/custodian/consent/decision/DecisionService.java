package org.custodian.consent.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.consent.ConsentConfig;
import org.custodian.consent.changes.ChangeLog;
import org.custodian.consent.changes.NewChange;
import org.custodian.consent.decision.ConsentResolver.Resolution;
import org.custodian.consent.decision.RecordingRules.Actor;
import org.custodian.consent.decision.RecordingRules.Check;
import org.custodian.consent.purpose.Purpose;
import org.custodian.consent.purpose.PurposeKind;
import org.custodian.consent.purpose.PurposeService;
import org.custodian.consent.purpose.PurposeVersion;
import org.custodian.consent.purpose.Validity;
import org.custodian.consent.roster.Ages;
import org.custodian.consent.roster.CompetenceAssessmentRepository;
import org.custodian.consent.roster.CompetenceRules;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.roster.PupilAccess;
import org.custodian.consent.roster.RosterQueries;
import org.custodian.consent.roster.RosterQueries.LinkFacts;
import org.custodian.consent.school.School;
import org.custodian.consent.school.SchoolService;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.Topics;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.quota.Quotas;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.time.LegalTime;

/** Recording consent decisions (append-only) and reading them back with their receipts. */
@ApplicationScoped
@Transactional
public class DecisionService {

    /** How many consents one parent or pupil may withdraw in a day: far above a family's need, a brake on bulk abuse. */
    private final int withdrawalsPerDay;

    private final DecisionQueries queries;
    private final BiometricQueries biometrics;
    private final SchoolService schools;
    private final PurposeService purposes;
    private final RosterQueries roster;
    private final CompetenceAssessmentRepository assessments;
    private final PupilAccess access;
    private final StatusService statuses;
    private final Quotas quotas;
    private final Outbox outbox;
    private final EventSource events;
    private final AuditLog audit;
    private final Clock clock;
    private final ChangeLog changes;

    public DecisionService(
            DecisionQueries queries,
            BiometricQueries biometrics,
            SchoolService schools,
            PurposeService purposes,
            RosterQueries roster,
            CompetenceAssessmentRepository assessments,
            PupilAccess access,
            StatusService statuses,
            Quotas quotas,
            Outbox outbox,
            EventSource events,
            AuditLog audit,
            Clock clock,
            ConsentConfig config,
            ChangeLog changes) {
        this.changes = changes;
        this.queries = queries;
        this.biometrics = biometrics;
        this.schools = schools;
        this.purposes = purposes;
        this.roster = roster;
        this.assessments = assessments;
        this.access = access;
        this.statuses = statuses;
        this.quotas = quotas;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.withdrawalsPerDay = config.quota().withdrawalsPerDay();
    }

    /** The caller as the recording rules see them: staff first, then parent, then pupil. */
    public static Actor actorOf(Caller caller) {
        if (caller.hasAnyRole(List.of(Roles.DPO, Roles.SCHOOL_ADMIN, Roles.MIS))) {
            return Actor.STAFF;
        }
        return caller.hasRole(Roles.PARENT) ? Actor.PARENT : Actor.PUPIL;
    }

    /** Records a decision (grant, refuse or withdraw) and answers its receipt; a family's withdrawals are rationed. */
    public ConsentReceipt record(String urn, String pupilId, DecisionRequest request, Caller caller) {
        if (request.decision() == Decision.WITHDRAWN && caller.hasAnyRole(List.of(Roles.PARENT, Roles.PUPIL))) {
            quotas.consume(caller, urn, "consents.withdraw", withdrawalsPerDay);
        }
        School school = schools.require(urn);
        Purpose purpose =
                purposes.require(urn, List.of(request.purpose()), "purpose").get(request.purpose());
        int version = request.purposeVersion() == null ? purpose.currentVersion() : request.purposeVersion();
        if (version > purpose.currentVersion()) {
            throw Problems.invalid(
                    "purposeVersion", "purpose " + purpose.code() + " has versions 1 to " + purpose.currentVersion());
        }
        LocalDate day = LegalTime.today(clock);
        if (request.evidenceDate() != null && request.evidenceDate().isAfter(day)) {
            throw Problems.invalid("evidenceDate", "cannot be in the future");
        }
        Giver giver = giverOf(request.givenBy(), pupilId);
        Actor actor = actorOf(caller);
        Pupil pupil = roster.pupil(urn, pupilId).orElseThrow(() -> Problems.notFound("no pupil with that id"));
        // the pupil's links, read once: the giver's and the calling parent's standing both come from them
        List<LinkFacts> links = roster.linksOf(urn, List.of(pupilId)).getOrDefault(pupilId, List.of());
        Optional<LinkFacts> giverLink = giver.isPupil() ? Optional.empty() : linkOf(links, giver.id());
        boolean giverCouldBeBiometricParent = giverLink
                .map(StatusService::person)
                .map(BiometricRules::couldBeAParent)
                .orElse(false);
        Check check = RecordingRules.check(new RecordingRules.Attempt(
                actor,
                caller.subject(),
                pupilId,
                giver,
                request.decision(),
                purpose.kind(),
                request.method(),
                actor == Actor.PARENT
                        && linkOf(links, caller.subject())
                                .map(LinkFacts::parentalResponsibility)
                                .orElse(false),
                giverLink.map(LinkFacts::parentalResponsibility).orElse(false),
                CompetenceRules.on(
                                pupil.dateOfBirth(),
                                day,
                                school.effectiveCompetenceAge(),
                                assessments.currentOf(urn, List.of(pupilId)).get(pupilId))
                        .competent(),
                giverCouldBeBiometricParent,
                Ages.ageOn(pupil.dateOfBirth(), day) >= StatusService.ADULT));
        switch (check.verdict()) {
            case NOT_FOUND -> throw Problems.notFound(check.reason());
            case FORBIDDEN -> throw Problems.forbidden(check.reason());
            case UNPROCESSABLE -> throw Problems.unprocessable(check.reason());
            default -> {}
        }

        String relationship = giver.isPupil()
                ? "SELF"
                : giverLink.map(l -> l.relationship().name()).orElse(null);
        LocalDate validUntil = request.decision() == Decision.GRANTED
                ? Validity.validUntil(purpose.validity(), day).orElse(null)
                : null;
        StoredDecision stored = new StoredDecision(
                UUID.randomUUID().toString(),
                pupilId,
                purpose.code(),
                version,
                request.decision(),
                giver,
                relationship,
                request.method(),
                request.evidenceRef(),
                request.evidenceDate(),
                validUntil,
                clock.instant(),
                caller.subject(),
                caller.primaryRole());
        // a template can exist only where processing was permitted: the status before this decision says so
        boolean templateMayExist = purpose.kind() == PurposeKind.BIOMETRIC
                && request.decision().isRestrictive()
                && statuses.statusNow(urn, pupilId, purpose.code()) == ConsentStatus.GRANTED;
        queries.insert(urn, stored);
        Resolution resolution = statuses.recomputeFor(urn, pupil, purpose);

        outbox.append(events.aboutPupil(
                eventType(request.decision()),
                urn,
                pupilId,
                CloudEventCodec.toData(new ConsentEvents.DecisionRecorded(
                        stored.decisionId(),
                        pupilId,
                        purpose.code(),
                        version,
                        purpose.kind().name(),
                        request.decision().name(),
                        giver.type().name(),
                        giver.id(),
                        request.method().name(),
                        stored.recordedAt(),
                        resolution.status().name(),
                        resolution.effectiveVersion()))));
        if (templateMayExist && resolution.status() != ConsentStatus.GRANTED) {
            raiseTemplateDeletion(urn, stored, resolution);
        }
        audit.record(
                caller,
                urn,
                "pupils/" + pupilId,
                "consent." + request.decision().name().toLowerCase(),
                Outcome.SUCCESS,
                purpose.code() + " v" + version + " by " + giver.type().name().toLowerCase() + " " + giver.id() + " ("
                        + request.method() + "); now " + resolution.status());
        changes.append(
                urn,
                NewChange.decision(
                        stored.recordedAt(),
                        caller.primaryRole(),
                        pupilId,
                        purpose.code(),
                        request.decision().name(),
                        stored.decisionId(),
                        giver.type().name(),
                        giver.isPupil() ? null : giver.id(),
                        resolution.status().name()));
        return receipt(school, purpose, wording(urn, purpose, version), stored, resolution.status());
    }

    /**
     * An objection or withdrawal stopped biometric processing that was permitted until now: the template is to be
     * deleted (Protection of Freedoms Act 2012, s.26(3), (5); explanatory notes para 145). Recorded here and announced
     * for the catering system. Once processing has stopped (or before it was ever permitted) no template can exist,
     * so a further objection raises nothing.
     */
    private void raiseTemplateDeletion(String urn, StoredDecision decision, Resolution resolution) {
        String reason = (decision.giver().isPupil() ? "PUPIL_" : "PARENT_")
                + (decision.decision() == Decision.REFUSED ? "OBJECTED" : "WITHDREW");
        BiometricQueries.TemplateDeletion task = new BiometricQueries.TemplateDeletion(
                UUID.randomUUID().toString(),
                decision.pupilId(),
                decision.purpose(),
                decision.decisionId(),
                reason,
                decision.recordedAt());
        biometrics.insert(urn, task);
        outbox.append(
                Topics.CONSENT,
                events.aboutPupil(
                        EventTypes.BIOMETRIC_TEMPLATE_DELETION_REQUESTED,
                        urn,
                        decision.pupilId(),
                        CloudEventCodec.toData(new ConsentEvents.TemplateDeletionRequested(
                                task.taskId(),
                                task.pupilId(),
                                task.purpose(),
                                task.decisionId(),
                                reason,
                                task.raisedAt(),
                                resolution.status().name()))));
    }

    /** One person's link among the pupil's links, if any. */
    private static Optional<LinkFacts> linkOf(List<LinkFacts> links, String guardianId) {
        return links.stream().filter(l -> l.guardianId().equals(guardianId)).findFirst();
    }

    private static Giver giverOf(DecisionRequest.GivenBy givenBy, String pupilId) {
        if (givenBy.type() == Giver.Type.GUARDIAN) {
            if (givenBy.guardianId() == null) {
                throw Problems.invalid("givenBy.guardianId", "required when the decision is a guardian's");
            }
            return Giver.guardian(givenBy.guardianId());
        }
        if (givenBy.guardianId() != null) {
            throw Problems.invalid(
                    "givenBy.guardianId", "only for a guardian's decision; the pupil is the one in the path");
        }
        return Giver.pupil(pupilId);
    }

    private static String eventType(Decision decision) {
        return switch (decision) {
            case GRANTED -> EventTypes.CONSENT_GRANTED;
            case REFUSED -> EventTypes.CONSENT_REFUSED;
            case WITHDRAWN -> EventTypes.CONSENT_WITHDRAWN;
        };
    }

    /** Every decision about a pupil, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public List<StoredDecision> history(String urn, String pupilId) {
        return queries.history(urn, pupilId);
    }

    /** The receipt of one decision about a pupil the caller may see, with the pupil's status now. */
    @Transactional(TxType.SUPPORTS)
    public ConsentReceipt receipt(String urn, String pupilId, String decisionId, Caller caller) {
        access.requireVisible(urn, pupilId, caller);
        StoredDecision decision = queries.history(urn, pupilId).stream()
                .filter(d -> d.decisionId().equals(decisionId))
                .findFirst()
                .orElseThrow(() -> Problems.notFound("no decision with that id"));
        return receiptOf(urn, decision, statuses.statusNow(urn, pupilId, decision.purpose()));
    }

    /** The receipt of a stored decision, with the wording it was given to and the pupil's status now. */
    @Transactional(TxType.SUPPORTS)
    public ConsentReceipt receiptOf(String urn, StoredDecision decision, ConsentStatus statusNow) {
        School school = schools.profile(urn);
        Purpose purpose = purposes.find(urn, decision.purpose()).orElseThrow();
        return receipt(school, purpose, wording(urn, purpose, decision.purposeVersion()), decision, statusNow);
    }

    private PurposeVersion wording(String urn, Purpose purpose, int version) {
        return purposes.wording(urn, purpose.code(), version);
    }

    private ConsentReceipt receipt(
            School school, Purpose purpose, PurposeVersion shown, StoredDecision d, ConsentStatus status) {
        String withdraw = "Withdraw at any time, as easily as it was given: POST /api/v1/schools/" + school.urn()
                + "/pupils/" + d.pupilId() + "/consents with decision WITHDRAWN for " + purpose.code()
                + " (the parent app does this in one step), or tell the school office"
                + (school.dpoEmail() == null ? "." : " or the data protection officer at " + school.dpoEmail() + ".");
        return new ConsentReceipt(
                d.decisionId(),
                ConsentReceipt.VERSION,
                clock.instant(),
                new ConsentReceipt.Controller(school.name(), school.urn(), school.dpoName(), school.dpoEmail()),
                new ConsentReceipt.Subject(d.pupilId()),
                new ConsentReceipt.GivenBy(d.giver().type(), d.giver().id(), d.relationship()),
                new ConsentReceipt.PurposeShown(purpose.code(), shown.title(), shown.version(), shown.wording()),
                purpose.dataCategories(),
                d.method(),
                d.evidenceRef(),
                d.evidenceDate(),
                d.decision(),
                d.recordedAt(),
                d.validUntil(),
                status,
                withdraw,
                new ConsentReceipt.RecordedBy(d.recordedBy(), d.recordedByRole()));
    }
}
