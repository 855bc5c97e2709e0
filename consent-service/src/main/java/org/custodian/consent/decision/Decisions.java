package org.custodian.consent.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.consent.decision.ConsentResolver.Resolution;
import org.custodian.consent.decision.RecordingRules.Actor;
import org.custodian.consent.decision.RecordingRules.Check;
import org.custodian.consent.purpose.Purpose;
import org.custodian.consent.purpose.PurposeVersion;
import org.custodian.consent.purpose.Purposes;
import org.custodian.consent.purpose.Validity;
import org.custodian.consent.roster.Ages;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.roster.Roster;
import org.custodian.consent.school.School;
import org.custodian.consent.school.Schools;
import org.custodian.consent.support.Events;
import org.custodian.consent.support.Today;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;

/** Recording consent decisions (append-only) and reading them back with their receipts. */
@ApplicationScoped
public class Decisions {

    private final Jdbc db;
    private final Schools schools;
    private final Purposes purposes;
    private final Roster roster;
    private final ConsentStatuses statuses;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Today today;

    @Inject
    public Decisions(
            Jdbc db,
            Schools schools,
            Purposes purposes,
            Roster roster,
            ConsentStatuses statuses,
            Outbox outbox,
            AuditLog audit,
            Today today) {
        this.db = db;
        this.schools = schools;
        this.purposes = purposes;
        this.roster = roster;
        this.statuses = statuses;
        this.outbox = outbox;
        this.audit = audit;
        this.today = today;
    }

    /** The caller as the recording rules see them: staff first, then parent, then pupil. */
    public static Actor actorOf(Caller caller) {
        if (caller.hasAnyRole(List.of(Roles.DPO, Roles.SCHOOL_ADMIN, Roles.MIS))) {
            return Actor.STAFF;
        }
        return caller.hasRole(Roles.PARENT) ? Actor.PARENT : Actor.PUPIL;
    }

    @Transactional
    public ConsentReceipt record(String urn, String pupilId, DecisionRequest request, Caller caller) {
        School school = schools.require(urn);
        Purpose purpose =
                purposes.require(urn, List.of(request.purpose()), "purpose").get(request.purpose());
        int version = request.purposeVersion() == null ? purpose.currentVersion() : request.purposeVersion();
        if (version > purpose.currentVersion()) {
            throw Problems.invalid(
                    "purposeVersion", "purpose " + purpose.code() + " has versions 1 to " + purpose.currentVersion());
        }
        LocalDate day = today.date();
        if (request.evidenceDate() != null && request.evidenceDate().isAfter(day)) {
            throw Problems.invalid("evidenceDate", "cannot be in the future");
        }
        Giver giver = giverOf(request.givenBy(), pupilId);
        Actor actor = actorOf(caller);
        Pupil pupil = roster.pupil(urn, pupilId).orElseThrow(() -> Problems.notFound("no pupil with that id"));
        Check check = RecordingRules.check(new RecordingRules.Attempt(
                actor,
                caller.subject(),
                pupilId,
                giver,
                request.decision(),
                purpose.kind(),
                request.method(),
                actor == Actor.PARENT && roster.holdsResponsibility(urn, caller.subject(), pupilId),
                !giver.isPupil() && roster.holdsResponsibility(urn, giver.id(), pupilId),
                Ages.isCompetent(pupil.dateOfBirth(), day, school.competenceAge())));
        switch (check.verdict()) {
            case NOT_FOUND -> throw Problems.notFound(check.reason());
            case FORBIDDEN -> throw Problems.forbidden(check.reason());
            case UNPROCESSABLE -> throw Problems.unprocessable(check.reason());
            default -> {}
        }

        String relationship = giver.isPupil()
                ? "SELF"
                : roster.relationship(urn, giver.id(), pupilId).map(Enum::name).orElse(null);
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
                today.now(),
                caller.subject(),
                caller.primaryRole());
        insert(urn, stored);
        Resolution resolution = statuses.recomputeFor(urn, pupil, purpose);

        outbox.append(Events.aboutPupil(
                eventType(request.decision()),
                urn,
                pupilId,
                new ConsentEvents.DecisionRecorded(
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
                        resolution.effectiveVersion())));
        audit.record(
                caller,
                urn,
                "pupils/" + pupilId,
                "consent." + request.decision().name().toLowerCase(),
                Outcome.SUCCESS,
                purpose.code() + " v" + version + " by " + giver.type().name().toLowerCase() + " " + giver.id() + " ("
                        + request.method() + "); now " + resolution.status());
        return receipt(school, purpose, wording(urn, purpose, version), stored, resolution.status());
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

    private void insert(String urn, StoredDecision d) {
        db.update(
                """
                INSERT INTO consent_decision (school_urn, decision_id, pupil_id, purpose_code, purpose_version, decision,
                    given_by_type, given_by_id, relationship, method, evidence_ref, evidence_date, valid_until, recorded_at,
                    recorded_by, recorded_by_role)
                VALUES (?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                urn,
                d.decisionId(),
                d.pupilId(),
                d.purpose(),
                d.purposeVersion(),
                d.decision(),
                d.giver().type(),
                d.giver().id(),
                d.relationship(),
                d.method(),
                d.evidenceRef(),
                d.evidenceDate(),
                d.validUntil(),
                d.recordedAt(),
                d.recordedBy(),
                d.recordedByRole());
    }

    /** Every decision about a pupil, oldest first. */
    public List<StoredDecision> history(String urn, String pupilId) {
        return db.list(
                "SELECT " + ConsentStatuses.DECISION_COLUMNS
                        + " FROM consent_decision WHERE school_urn = ? AND pupil_id = ?"
                        + " ORDER BY recorded_at, decision_id",
                StoredDecision::map,
                urn,
                pupilId);
    }

    public Optional<StoredDecision> decision(String urn, String pupilId, String decisionId) {
        return history(urn, pupilId).stream()
                .filter(d -> d.decisionId().equals(decisionId))
                .findFirst();
    }

    /** The receipt of a stored decision, with the wording it was given to and the pupil's status now. */
    public ConsentReceipt receiptOf(String urn, StoredDecision decision, ConsentStatus statusNow) {
        School school = schools.require(urn);
        Purpose purpose = purposes.find(urn, decision.purpose()).orElseThrow();
        return receipt(school, purpose, wording(urn, purpose, decision.purposeVersion()), decision, statusNow);
    }

    private PurposeVersion wording(String urn, Purpose purpose, int version) {
        return purposes.versions(urn, purpose.code()).stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow();
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
                Instant.now(),
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
