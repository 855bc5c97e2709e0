package org.custodian.consent.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.consent.purpose.Purpose;
import org.custodian.consent.purpose.PurposeKind;
import org.custodian.consent.purpose.PurposeService;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.roster.PupilAccess;
import org.custodian.consent.roster.RosterQueries;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;

/**
 * The biometric records of the Protection of Freedoms Act 2012, ss.26–28 that are not consent decisions: the written
 * notification of each parent (or the s.27(1) exception), the reasonable alternative offered, and the template
 * deletions raised by objections (those are raised by {@link DecisionService} with the decision).
 */
@ApplicationScoped
@Transactional
public class BiometricService {

    private final BiometricQueries queries;
    private final PurposeService purposes;
    private final RosterQueries roster;
    private final PupilAccess access;
    private final StatusService statuses;
    private final AuditLog audit;
    private final Clock clock;

    public BiometricService(
            BiometricQueries queries,
            PurposeService purposes,
            RosterQueries roster,
            PupilAccess access,
            StatusService statuses,
            AuditLog audit,
            Clock clock) {
        this.queries = queries;
        this.purposes = purposes;
        this.roster = roster;
        this.access = access;
        this.statuses = statuses;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records that a parent was notified in writing, or is excepted, and recomputes the pupil's statuses. */
    public BiometricView.NoticeRecorded notice(
            String urn, String pupilId, BiometricNoticeRequest request, Caller caller) {
        Pupil pupil = requirePupil(urn, pupilId);
        Purpose purpose = requireBiometric(urn, request.purpose());
        LocalDate date = dateOf("date", request.date());
        List<BiometricRules.Person> linked =
                roster.linksOf(urn, List.of(pupilId)).getOrDefault(pupilId, List.of()).stream()
                        .map(StatusService::person)
                        .toList();
        BiometricRules.Person person = linked.stream()
                .filter(p -> p.id().equals(request.guardianId()))
                .findFirst()
                .orElseThrow(() ->
                        Problems.unprocessable("guardian " + request.guardianId() + " is not linked to this pupil"));
        Map<String, BiometricRules.NoticeOutcome> notices = queries.latestNotices(
                        urn, List.of(pupilId), List.of(purpose.code()))
                .getOrDefault(pupilId + "\u0000" + purpose.code(), Map.of());
        if (!BiometricRules.mayBeNotified(linked, notices, person.id())) {
            throw Problems.unprocessable("guardian " + person.id() + " is not a parent of this pupil within s.28 of the"
                    + " Protection of Freedoms Act 2012 now: "
                    + BiometricRules.parents(linked, notices).basis());
        }
        BiometricQueries.Notice notice = new BiometricQueries.Notice(
                UUID.randomUUID().toString(),
                pupilId,
                purpose.code(),
                person.id(),
                request.outcome(),
                date,
                request.evidenceRef(),
                clock.instant(),
                caller.subject());
        queries.insert(urn, notice);
        statuses.recompute(urn, List.of(pupil.pupilId()), true);
        audit.record(
                caller,
                urn,
                "pupils/" + pupilId,
                "biometric.notice",
                Outcome.SUCCESS,
                purpose.code() + ": guardian " + person.id() + " " + request.outcome() + " on " + date);
        return BiometricView.NoticeRecorded.of(notice, statuses.statusNow(urn, pupilId, purpose.code()));
    }

    /** Records the reasonable alternative offered to the child (s.26(7)). */
    public BiometricQueries.Alternative alternative(
            String urn, String pupilId, BiometricAlternativeRequest request, Caller caller) {
        requirePupil(urn, pupilId);
        Purpose purpose = requireBiometric(urn, request.purpose());
        BiometricQueries.Alternative alternative = new BiometricQueries.Alternative(
                UUID.randomUUID().toString(),
                pupilId,
                purpose.code(),
                request.alternative().strip(),
                dateOf("offeredOn", request.offeredOn()),
                clock.instant(),
                caller.subject());
        queries.insert(urn, alternative);
        audit.record(
                caller,
                urn,
                "pupils/" + pupilId,
                "biometric.alternative",
                Outcome.SUCCESS,
                purpose.code() + ": alternative offered on " + alternative.offeredOn());
        return alternative;
    }

    /** The pupil's biometric record; the read is audited ({@code biometric.read}). */
    public BiometricView view(String urn, String pupilId, Caller caller) {
        access.requireVisible(urn, pupilId, caller);
        BiometricView view = new BiometricView(
                pupilId,
                queries.notices(urn, List.of(pupilId)),
                queries.alternatives(urn, pupilId),
                queries.templateDeletions(urn, pupilId));
        audit.record(
                caller,
                urn,
                "pupils/" + pupilId,
                "biometric.read",
                Outcome.SUCCESS,
                view.notices().size() + " notices, " + view.alternatives().size() + " alternatives, "
                        + view.templateDeletions().size() + " template deletions");
        return view;
    }

    private Pupil requirePupil(String urn, String pupilId) {
        return roster.pupil(urn, pupilId).orElseThrow(() -> Problems.notFound("no pupil with that id"));
    }

    private Purpose requireBiometric(String urn, String code) {
        Purpose purpose = purposes.require(urn, List.of(code), "purpose").get(code);
        if (purpose.kind() != PurposeKind.BIOMETRIC) {
            throw Problems.unprocessable("purpose " + code + " is not a biometric purpose: notices and alternatives"
                    + " are for biometric purposes (Protection of Freedoms Act 2012, s.26)");
        }
        return purpose;
    }

    private LocalDate dateOf(String field, LocalDate given) {
        LocalDate today = LegalTime.today(clock);
        if (given == null) {
            return today;
        }
        if (given.isAfter(today)) {
            throw Problems.invalid(field, "cannot be in the future");
        }
        return given;
    }
}
