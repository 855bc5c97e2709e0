package org.custodian.consent.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.consent.roster.Guardian.Link;
import org.custodian.consent.school.SchoolService;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;

/**
 * The roster as synced from the MIS: pupils, guardians and who holds parental responsibility for whom. Upserts work
 * in batches and emit events only for real changes.
 */
@ApplicationScoped
@Transactional
public class RosterService {

    /** What an upsert of pupils did, and which pupils' consent statuses may have changed with it. */
    public record PupilSync(SyncCounts counts, Set<String> created, Set<String> needRecompute) {}

    /** What an upsert of guardians did, and which pupils' links changed. */
    public record GuardianSync(SyncCounts counts, Set<String> created, Set<String> pupilsWithChangedLinks) {}

    /** What one sync did. */
    public record SyncResult(SyncCounts pupils, SyncCounts guardians) {}

    private final RosterQueries queries;
    private final SchoolService schools;
    private final Outbox outbox;
    private final EventSource events;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<RosterChanged> rosterChanged;
    private final CompetenceAssessmentRepository assessments;

    public RosterService(
            RosterQueries queries,
            CompetenceAssessmentRepository assessments,
            SchoolService schools,
            Outbox outbox,
            EventSource events,
            AuditLog audit,
            Clock clock,
            Event<RosterChanged> changed) {
        this.queries = queries;
        this.assessments = assessments;
        this.schools = schools;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.rosterChanged = changed;
    }

    /** Up to 5,000 pupils and 10,000 guardians in one transaction. */
    public SyncResult sync(String urn, RosterSyncRequest request, Caller caller) {
        schools.require(urn);
        SyncCounts pupils = request.pupilsOrEmpty().isEmpty()
                ? SyncCounts.NONE
                : upsertPupils(urn, request.pupilsOrEmpty()).counts();
        SyncCounts guardians = request.guardiansOrEmpty().isEmpty()
                ? SyncCounts.NONE
                : upsertGuardians(urn, request.guardiansOrEmpty()).counts();
        SyncResult result = new SyncResult(pupils, guardians);
        audit.record(caller, urn, null, "roster.synced", Outcome.SUCCESS, result.toString());
        return result;
    }

    @Transactional(TxType.MANDATORY)
    public PupilSync upsertPupils(String urn, List<PupilInput> inputs) {
        checkPupils(urn, inputs);
        Map<String, Pupil> existing =
                queries.pupilsById(urn, inputs.stream().map(PupilInput::pupilId).toList());
        Map<String, RosterEvents.CompetenceAssessment> competence = assessments.currentOf(
                urn,
                inputs.stream()
                        .filter(p -> existing.containsKey(p.pupilId())
                                && !existing.get(p.pupilId()).sameFactsAs(p))
                        .map(PupilInput::pupilId)
                        .toList());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<CloudEvent> out = new ArrayList<>();
        Set<String> created = new LinkedHashSet<>();
        Set<String> recompute = new LinkedHashSet<>();
        int unchanged = 0;
        LocalDate day = LegalTime.today(clock);
        for (PupilInput p : inputs) {
            Pupil old = existing.get(p.pupilId());
            Object[] row = {
                p.givenName(),
                p.familyName(),
                p.dateOfBirth(),
                p.yearGroup(),
                p.admissionDate(),
                p.leavingDate(),
                p.upn(),
                p.destinationUrn(),
                urn,
                p.pupilId()
            };
            if (old == null) {
                inserts.add(row);
                created.add(p.pupilId());
                out.add(events.aboutPupil(
                        EventTypes.PUPIL_ENROLLED, urn, p.pupilId(), CloudEventCodec.toData(facts(p, day, null))));
                if (p.leavingDate() != null) {
                    out.add(left(urn, p));
                }
            } else if (old.sameFactsAs(p)) {
                unchanged++;
            } else {
                updates.add(row);
                // pupil.left when the leaving date is set or moves, or the school the pupil left for becomes known or
                // changes while one is set (it addresses the statutory transfers); pupil.updated for any other change,
                // and after pupil.left when the facts it carries changed too
                boolean left = p.leavingDate() != null
                        && (!p.leavingDate().equals(old.leavingDate())
                                || !Objects.equals(old.destinationUrn(), p.destinationUrn()));
                if (left) {
                    out.add(left(urn, p));
                }
                if (!left || !old.sameEnrolmentAs(p)) {
                    out.add(events.aboutPupil(
                            EventTypes.PUPIL_UPDATED,
                            urn,
                            p.pupilId(),
                            CloudEventCodec.toData(facts(p, day, competence.get(p.pupilId())))));
                }
                if (!old.dateOfBirth().equals(p.dateOfBirth()) || !Objects.equals(old.leavingDate(), p.leavingDate())) {
                    recompute.add(p.pupilId());
                }
            }
        }
        queries.insertPupils(inserts);
        queries.updatePupils(updates);
        outbox.appendAll(out);
        if (!recompute.isEmpty()) {
            rosterChanged.fire(new RosterChanged(urn, recompute));
        }
        return new PupilSync(new SyncCounts(inserts.size(), updates.size(), unchanged), created, recompute);
    }

    private CloudEvent left(String urn, PupilInput p) {
        return events.aboutPupil(
                EventTypes.PUPIL_LEFT,
                urn,
                p.pupilId(),
                CloudEventCodec.toData(new RosterEvents.PupilLeft(p.pupilId(), p.leavingDate(), p.destinationUrn())));
    }

    /**
     * A pupil's facts for {@code pupil.enrolled} and {@code pupil.updated}, with the DPO's current competence
     * assessment (null: none).
     */
    private static RosterEvents.PupilChanged facts(
            PupilInput p, LocalDate day, RosterEvents.CompetenceAssessment competence) {
        return new RosterEvents.PupilChanged(
                p.pupilId(),
                p.dateOfBirth(),
                p.yearGroup(),
                p.admissionDate(),
                p.leavingDate(),
                p.leavingDate() == null || !day.isAfter(p.leavingDate()),
                p.destinationUrn(),
                competence);
    }

    /** As {@link #facts(PupilInput, LocalDate, RosterEvents.CompetenceAssessment)}, for a stored pupil. */
    static RosterEvents.PupilChanged facts(Pupil p, LocalDate day, RosterEvents.CompetenceAssessment competence) {
        return new RosterEvents.PupilChanged(
                p.pupilId(),
                p.dateOfBirth(),
                p.yearGroup(),
                p.admissionDate(),
                p.leavingDate(),
                p.onRollOn(day),
                p.destinationUrn(),
                competence);
    }

    private static void checkPupils(String urn, List<PupilInput> inputs) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            PupilInput p = inputs.get(i);
            if (p.pupilId() == null) {
                errors.add(new FieldError("pupils[" + i + "].pupilId", "required"));
            } else if (!seen.add(p.pupilId())) {
                errors.add(new FieldError("pupils[" + i + "].pupilId", "appears more than once in this sync"));
            }
            if (urn.equals(p.destinationUrn())) {
                errors.add(new FieldError(
                        "pupils[" + i + "].destinationUrn", "the school the pupil left for, not this school"));
            }
            String inconsistency = p.inconsistency();
            if (inconsistency != null) {
                int colon = inconsistency.indexOf(':');
                errors.add(new FieldError(
                        "pupils[" + i + "]." + inconsistency.substring(0, colon), inconsistency.substring(colon + 2)));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors.size() > 20 ? errors.subList(0, 20) : errors);
        }
    }

    @Transactional(TxType.MANDATORY)
    public GuardianSync upsertGuardians(String urn, List<GuardianInput> inputs) {
        checkGuardians(urn, inputs);
        List<String> ids = inputs.stream().map(GuardianInput::guardianId).toList();
        Map<String, Guardian> existing = queries.guardiansById(urn, ids);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> linkUpserts = new ArrayList<>();
        List<Object[]> linkDeletes = new ArrayList<>();
        List<CloudEvent> out = new ArrayList<>();
        Set<String> created = new LinkedHashSet<>();
        Set<String> changedPupils = new LinkedHashSet<>();
        int changed = 0;
        for (GuardianInput g : inputs) {
            Guardian old = existing.get(g.guardianId());
            Map<String, Link> before =
                    old == null ? Map.of() : old.children().stream().collect(Collectors.toMap(Link::pupilId, l -> l));
            Map<String, Link> after = new LinkedHashMap<>();
            g.children()
                    .forEach(c -> after.put(
                            c.pupilId(),
                            new Link(
                                    c.pupilId(),
                                    c.parentalResponsibility(),
                                    c.relationship(),
                                    c.effectivelyRestricted(),
                                    c.restriction(),
                                    c.caring())));
            boolean detailsChanged =
                    old == null || !old.name().equals(g.name()) || !Objects.equals(old.email(), g.email());
            boolean linksChanged = !before.equals(after);
            if (old == null) {
                inserts.add(new Object[] {g.name(), g.email(), urn, g.guardianId()});
                created.add(g.guardianId());
            } else if (detailsChanged || linksChanged) {
                updates.add(new Object[] {g.name(), g.email(), urn, g.guardianId()});
                changed++;
            }
            for (Link link : after.values()) {
                if (!link.equals(before.get(link.pupilId()))) {
                    linkUpserts.add(new Object[] {
                        urn,
                        g.guardianId(),
                        link.pupilId(),
                        link.parentalResponsibility(),
                        link.relationship(),
                        link.restrictedNow(),
                        link.restriction() == null ? null : link.restriction().name(),
                        link.hasCare()
                    });
                    out.add(events.aboutPupil(
                            EventTypes.GUARDIAN_LINKED,
                            urn,
                            link.pupilId(),
                            CloudEventCodec.toData(linkEvent(g.guardianId(), link, link.parentalResponsibility()))));
                    changedPupils.add(link.pupilId());
                }
            }
            for (Link link : before.values()) {
                if (!after.containsKey(link.pupilId())) {
                    linkDeletes.add(new Object[] {urn, g.guardianId(), link.pupilId()});
                    out.add(events.aboutPupil(
                            EventTypes.GUARDIAN_UNLINKED,
                            urn,
                            link.pupilId(),
                            CloudEventCodec.toData(linkEvent(g.guardianId(), link, false))));
                    changedPupils.add(link.pupilId());
                }
            }
        }
        queries.writeGuardians(inserts, updates, linkDeletes, linkUpserts);
        outbox.appendAll(out);
        if (!changedPupils.isEmpty()) {
            rosterChanged.fire(new RosterChanged(urn, changedPupils));
        }
        return new GuardianSync(
                new SyncCounts(inserts.size(), changed, inputs.size() - inserts.size() - changed),
                created,
                changedPupils);
    }

    private static RosterEvents.GuardianLink linkEvent(String guardianId, Link link, boolean parentalResponsibility) {
        return new RosterEvents.GuardianLink(
                guardianId,
                link.pupilId(),
                parentalResponsibility,
                link.relationship().name(),
                link.restrictedNow(),
                link.restriction() == null ? null : link.restriction().name(),
                link.hasCare());
    }

    private void checkGuardians(String urn, List<GuardianInput> inputs) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> referenced = new LinkedHashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            GuardianInput g = inputs.get(i);
            if (g.guardianId() == null) {
                errors.add(new FieldError("guardians[" + i + "].guardianId", "required"));
            } else if (!seen.add(g.guardianId())) {
                errors.add(new FieldError("guardians[" + i + "].guardianId", "appears more than once in this sync"));
            }
            Set<String> children = new HashSet<>();
            for (int j = 0; j < g.children().size(); j++) {
                String pupilId = g.children().get(j).pupilId();
                if (!children.add(pupilId)) {
                    errors.add(new FieldError(
                            "guardians[" + i + "].children[" + j + "].pupilId", "listed twice for this guardian"));
                }
                if (g.children().get(j).contradictsItself()) {
                    errors.add(new FieldError(
                            "guardians[" + i + "].children[" + j + "].restriction",
                            "a restriction kind needs restricted: true (or leave restricted out)"));
                }
                referenced.add(pupilId);
            }
        }
        if (errors.isEmpty() && !referenced.isEmpty()) {
            Set<String> known = queries.knownPupils(urn, referenced);
            for (int i = 0; i < inputs.size() && errors.size() < 20; i++) {
                List<GuardianInput.ChildLink> children = inputs.get(i).children();
                for (int j = 0; j < children.size(); j++) {
                    if (!known.contains(children.get(j).pupilId())) {
                        errors.add(new FieldError(
                                "guardians[" + i + "].children[" + j + "].pupilId",
                                "no pupil " + children.get(j).pupilId() + " on this school's roster"));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors.size() > 20 ? errors.subList(0, 20) : errors);
        }
    }
}
