package org.custodian.consent.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.consent.changes.ChangeLog;
import org.custodian.consent.changes.NewChange;
import org.custodian.consent.roster.Guardian.Link;
import org.custodian.consent.roster.RosterSyncReport.GuardianRecord;
import org.custodian.consent.roster.RosterSyncReport.PupilRecord;
import org.custodian.consent.roster.RosterSyncReport.Warning;
import org.custodian.consent.roster.RosterSyncReport.WarningCode;
import org.custodian.consent.school.SchoolService;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.http.Params;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.problems.Problem;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.platform.problems.ProblemException;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.problems.ShapeErrors;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.time.LegalTime;

/**
 * The roster as synced from the MIS: pupils, guardians and who holds parental responsibility for whom. Upserts work
 * in batches and emit events only for real changes.
 */
@ApplicationScoped
@Transactional
public class RosterService {

    /** What an upsert of pupils did, pupil by pupil, and which pupils' consent statuses may have changed with it. */
    public record PupilSync(
            SyncCounts counts, Set<String> created, Set<String> needRecompute, List<PupilRecord> records) {}

    /** What an upsert of guardians did, guardian by guardian, and which pupils' links changed. */
    public record GuardianSync(
            SyncCounts counts, Set<String> created, Set<String> pupilsWithChangedLinks, List<GuardianRecord> records) {}

    private final RosterQueries queries;
    private final SchoolService schools;
    private final Outbox outbox;
    private final EventSource events;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<RosterChanged> rosterChanged;
    private final CompetenceAssessmentRepository assessments;
    private final Validator validator;
    private final ChangeLog changes;
    private final ObjectMapper mapper;

    public RosterService(
            RosterQueries queries,
            CompetenceAssessmentRepository assessments,
            SchoolService schools,
            Outbox outbox,
            EventSource events,
            AuditLog audit,
            Clock clock,
            Event<RosterChanged> changed,
            Validator validator,
            ChangeLog changes,
            ObjectMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
        this.changes = changes;
        this.validator = validator;
        this.assessments = assessments;
        this.schools = schools;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.rosterChanged = changed;
    }

    /**
     * Puts the roster changes a person made in the suite (anyone but the MIS) on the MIS changes feed, so that the MIS
     * reads back what it did not do itself. Called after the audit entry, in the same transaction.
     */
    public void recordSuiteChanges(
            String urn, Caller caller, List<PupilRecord> pupilRecords, List<GuardianRecord> guardianRecords) {
        if (caller.hasRole(Roles.MIS)) {
            return;
        }
        Instant now = clock.instant();
        List<NewChange> made = new ArrayList<>();
        for (PupilRecord r : pupilRecords) {
            if (r.outcome() != RosterSyncReport.Outcome.UNCHANGED) {
                made.add(NewChange.pupil(
                        now, caller.primaryRole(), r.pupilId(), r.outcome().name(), r.changedFields()));
            }
        }
        for (GuardianRecord r : guardianRecords) {
            if (r.outcome() != RosterSyncReport.Outcome.UNCHANGED) {
                made.add(NewChange.guardian(
                        now, caller.primaryRole(), r.guardianId(), r.outcome().name(), r.changedFields()));
            }
        }
        changes.appendAll(urn, made);
    }

    /**
     * Up to 5,000 pupils and 10,000 guardians in one transaction, checked whole first: every problem of the batch is
     * reported at once and nothing is stored. A refused sync (also an unknown {@code mode}: INCREMENTAL when absent) is
     * audited as {@code FAILED} with the reason.
     */
    public RosterSyncReport sync(String urn, String mode, JsonNode body, Caller caller) throws JsonProcessingException {
        try {
            SyncMode parsed = Params.enumValue("mode", mode, SyncMode.class);
            if (body == null || !body.isObject()) {
                throw new ProblemException(Problems.forStatus(
                        400,
                        "the request body is not the JSON this operation expects (an object with pupils and"
                                + " guardians)"));
            }
            ShapeErrors.Read<RosterSyncRequest> read = ShapeErrors.read(mapper, body, RosterSyncRequest.class);
            return syncChecked(urn, parsed == null ? SyncMode.INCREMENTAL : parsed, read, caller);
        } catch (ProblemException e) {
            refused(caller, urn, mode == null ? SyncMode.INCREMENTAL.name() : mode, e.problem());
            throw e;
        }
    }

    private RosterSyncReport syncChecked(
            String urn, SyncMode mode, ShapeErrors.Read<RosterSyncRequest> read, Caller caller) {
        schools.require(urn);
        RosterSyncRequest request = read.value();
        List<PupilInput> pupilInputs = request.pupilsOrEmpty();
        List<GuardianInput> guardianInputs = request.guardiansOrEmpty();
        check(urn, mode, request, read.errors());
        PupilSync pupils = pupilInputs.isEmpty()
                ? new PupilSync(SyncCounts.NONE, Set.of(), Set.of(), List.of())
                : applyPupils(urn, pupilInputs);
        GuardianSync guardians = guardianInputs.isEmpty()
                ? new GuardianSync(SyncCounts.NONE, Set.of(), Set.of(), List.of())
                : applyGuardians(urn, guardianInputs);
        List<PupilRecord> pupilRecords = new ArrayList<>(pupils.records());
        List<GuardianRecord> guardianRecords = new ArrayList<>(guardians.records());
        List<Warning> warnings = new ArrayList<>();
        for (GuardianInput g : guardianInputs) {
            if (g.children().isEmpty()) {
                warnings.add(new Warning(
                        WarningCode.GUARDIAN_WITHOUT_PUPIL,
                        null,
                        g.guardianId(),
                        "guardian " + g.guardianId() + " is linked to no pupil"));
            }
        }
        SyncCounts pupilCounts = pupils.counts();
        SyncCounts guardianCounts = guardians.counts();
        if (mode == SyncMode.FULL) {
            int left = markMissingLeft(urn, pupilInputs, pupilRecords, warnings);
            int unlinked = unlinkMissing(urn, guardianInputs, guardianRecords, warnings);
            pupilCounts = new SyncCounts(pupilCounts.created(), pupilCounts.updated() + left, pupilCounts.unchanged());
            guardianCounts = new SyncCounts(
                    guardianCounts.created(), guardianCounts.updated() + unlinked, guardianCounts.unchanged());
        }
        RosterSyncReport report =
                new RosterSyncReport(mode, pupilCounts, guardianCounts, pupilRecords, guardianRecords, warnings);
        audit.record(
                caller,
                urn,
                null,
                "roster.synced",
                Outcome.SUCCESS,
                "mode=" + mode + " pupils=" + pupilCounts + " guardians=" + guardianCounts + " warnings="
                        + warnings.size());
        recordSuiteChanges(urn, caller, pupilRecords, guardianRecords);
        return report;
    }

    /** The refusal in the audit log, in its own transaction: the sync's own work rolls back. */
    private void refused(Caller caller, String urn, String mode, Problem problem) {
        StringBuilder detail = new StringBuilder("refused (")
                .append(problem.status())
                .append(") mode=")
                .append(mode)
                .append(": ")
                .append(problem.detail());
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            detail.append(" [")
                    .append(problem.errors().stream()
                            .limit(10)
                            .map(e -> e.field() + ": " + e.message())
                            .collect(Collectors.joining("; ")))
                    .append(problem.errors().size() > 10 ? "; …]" : "]");
        }
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(caller, urn, null, "roster.synced", Outcome.FAILED, detail.toString()));
    }

    /**
     * Every problem of a batch at once: values of the wrong shape (a date that is not a date; read as absent, so not
     * also reported as missing), Bean Validation of every row and field, the rules across fields and rows, UPNs unique
     * in the school, links only to pupils on the roster or in the batch, and a full sync not empty. Field problems are
     * a 400; a UPN held by another stored pupil alone is a 409.
     */
    private void check(String urn, SyncMode mode, RosterSyncRequest request, List<FieldError> shapeErrors) {
        List<FieldError> errors = new ArrayList<>(shapeErrors);
        Set<String> misshapen = shapeErrors.stream().map(FieldError::field).collect(Collectors.toSet());
        for (ConstraintViolation<RosterSyncRequest> v : validator.validate(request)) {
            String field = v.getPropertyPath().toString().replace(".<list element>", "");
            if (!misshapen.contains(field)) {
                errors.add(new FieldError(field, v.getMessage()));
            }
        }
        List<PupilInput> pupils = request.pupilsOrEmpty();
        List<GuardianInput> guardians = request.guardiansOrEmpty();
        if (mode == SyncMode.FULL && pupils.isEmpty()) {
            errors.add(new FieldError(
                    "pupils", "a full sync lists every pupil on roll: without any it would mark them all left"));
        }
        if (mode == SyncMode.FULL && guardians.isEmpty()) {
            errors.add(new FieldError(
                    "guardians", "a full sync lists every guardian: without any it would unlink them all"));
        }
        List<FieldError> conflicts = new ArrayList<>();
        if (pupils.size() <= RosterSyncRequest.MAX_PUPILS) {
            checkPupils(urn, pupils, errors, conflicts);
        }
        if (guardians.size() <= RosterSyncRequest.MAX_GUARDIANS) {
            Set<String> inBatch = pupils.stream()
                    .filter(Objects::nonNull)
                    .map(PupilInput::pupilId)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            checkGuardians(urn, guardians, inBatch, errors);
        }
        throwIfAny(errors, conflicts);
    }

    private static void throwIfAny(List<FieldError> errors, List<FieldError> conflicts) {
        if (!errors.isEmpty()) {
            List<FieldError> all = new ArrayList<>(errors);
            all.addAll(conflicts);
            all.sort(Comparator.comparing(FieldError::field, RosterService::compareFields)
                    .thenComparing(FieldError::message));
            throw Problems.invalid(all);
        }
        if (!conflicts.isEmpty()) {
            throw new ProblemException(new Problem(
                    Problem.TYPE_BASE + "conflict",
                    "Conflict",
                    409,
                    conflicts.size() == 1
                            ? conflicts.get(0).field() + ": " + conflicts.get(0).message()
                            : conflicts.size() + " UPNs are held by other pupils of the school",
                    null,
                    conflicts));
        }
    }

    /** Field paths in row order: {@code pupils[2]} before {@code pupils[10]}. */
    static int compareFields(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int byNumber = Long.compare(
                        Long.parseLong(a.substring(i, Math.min(ei, i + 18))),
                        Long.parseLong(b.substring(j, Math.min(ej, j + 18))));
                if (byNumber != 0) {
                    return byNumber;
                }
                i = ei;
                j = ej;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Full sync: every pupil on roll the feed does not list leaves today, as a leaving date set by the MIS does. */
    private int markMissingLeft(
            String urn, List<PupilInput> inputs, List<PupilRecord> records, List<Warning> warnings) {
        LocalDate day = LegalTime.today(clock);
        Set<String> listed = inputs.stream().map(PupilInput::pupilId).collect(Collectors.toSet());
        List<Object[]> updates = new ArrayList<>();
        List<CloudEvent> out = new ArrayList<>();
        Set<String> recompute = new LinkedHashSet<>();
        for (Pupil p : queries.pupilsOnRoll(urn, day)) {
            if (listed.contains(p.pupilId())) {
                continue;
            }
            // a pupil not yet admitted leaves on the admission date, never before it
            LocalDate leaving = p.admissionDate().isAfter(day) ? p.admissionDate() : day;
            if (leaving.equals(p.leavingDate())) {
                continue;
            }
            PupilInput now = p.leavingOn(leaving);
            updates.add(row(urn, now));
            out.add(left(urn, now));
            recompute.add(p.pupilId());
            records.add(new PupilRecord(p.pupilId(), RosterSyncReport.Outcome.MARKED_LEFT, List.of("leavingDate")));
            warnings.add(new Warning(
                    WarningCode.PUPIL_MISSING_FROM_FULL_SYNC,
                    p.pupilId(),
                    null,
                    "pupil " + p.pupilId() + " was on roll but not in this full sync: marked left on " + leaving));
        }
        queries.updatePupils(updates);
        outbox.appendAll(out);
        if (!recompute.isEmpty()) {
            rosterChanged.fire(new RosterChanged(urn, recompute));
        }
        return updates.size();
    }

    /** Full sync: the links of every guardian the feed does not list are removed. */
    private int unlinkMissing(
            String urn, List<GuardianInput> inputs, List<GuardianRecord> records, List<Warning> warnings) {
        List<String> listed = inputs.stream().map(GuardianInput::guardianId).toList();
        List<String> others = queries.linkedGuardiansOtherThan(urn, listed);
        if (others.isEmpty()) {
            return 0;
        }
        Map<String, Guardian> stored = queries.guardiansById(urn, others);
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> linkDeletes = new ArrayList<>();
        List<CloudEvent> out = new ArrayList<>();
        Set<String> changedPupils = new LinkedHashSet<>();
        for (String id : others) {
            Guardian g = stored.get(id);
            List<String> unlinked = new ArrayList<>();
            for (Link link : g.children()) {
                linkDeletes.add(new Object[] {urn, id, link.pupilId()});
                out.add(events.aboutPupil(
                        EventTypes.GUARDIAN_UNLINKED,
                        urn,
                        link.pupilId(),
                        CloudEventCodec.toData(linkEvent(id, link, false))));
                changedPupils.add(link.pupilId());
                unlinked.add(link.pupilId());
            }
            updates.add(new Object[] {g.name(), g.email(), urn, id});
            records.add(new GuardianRecord(
                    id, RosterSyncReport.Outcome.UNLINKED, List.of("children"), List.of(), List.copyOf(unlinked)));
            warnings.add(new Warning(
                    WarningCode.GUARDIAN_WITHOUT_PUPIL,
                    null,
                    id,
                    "guardian " + id + " was not in this full sync: unlinked from " + String.join(", ", unlinked)));
        }
        queries.writeGuardians(List.of(), updates, linkDeletes, List.of());
        outbox.appendAll(out);
        rosterChanged.fire(new RosterChanged(urn, changedPupils));
        return updates.size();
    }

    private static Object[] row(String urn, PupilInput p) {
        return new Object[] {
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
    }

    /** Checks and upserts pupils (a 400 or 409 with every problem, nothing stored); the sync checks first. */
    @Transactional(TxType.MANDATORY)
    public PupilSync upsertPupils(String urn, List<PupilInput> inputs) {
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> conflicts = new ArrayList<>();
        checkPupils(urn, inputs, errors, conflicts);
        throwIfAny(errors, conflicts);
        return applyPupils(urn, inputs);
    }

    private PupilSync applyPupils(String urn, List<PupilInput> inputs) {
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
        List<PupilRecord> records = new ArrayList<>();
        int unchanged = 0;
        LocalDate day = LegalTime.today(clock);
        for (PupilInput p : inputs) {
            Pupil old = existing.get(p.pupilId());
            Object[] row = row(urn, p);
            List<String> changedFields = old == null ? List.of() : old.changedFields(p);
            if (old == null) {
                inserts.add(row);
                created.add(p.pupilId());
                records.add(new PupilRecord(p.pupilId(), RosterSyncReport.Outcome.CREATED, List.of()));
                out.add(events.aboutPupil(
                        EventTypes.PUPIL_ENROLLED, urn, p.pupilId(), CloudEventCodec.toData(facts(p, day, null))));
                if (p.leavingDate() != null) {
                    out.add(left(urn, p));
                }
            } else if (changedFields.isEmpty()) {
                unchanged++;
                records.add(new PupilRecord(p.pupilId(), RosterSyncReport.Outcome.UNCHANGED, List.of()));
            } else {
                updates.add(row);
                records.add(new PupilRecord(p.pupilId(), RosterSyncReport.Outcome.UPDATED, changedFields));
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
        return new PupilSync(new SyncCounts(inserts.size(), updates.size(), unchanged), created, recompute, records);
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

    /**
     * Every row's rules across fields and rows into {@code errors}; UPNs held by another stored pupil (not re-numbered
     * in this batch) into {@code conflicts}. Rows Bean Validation refuses may be incomplete: only what is there is
     * checked.
     */
    private void checkPupils(String urn, List<PupilInput> inputs, List<FieldError> errors, List<FieldError> conflicts) {
        Set<String> seen = new HashSet<>();
        Map<String, Integer> upnRows = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            PupilInput p = inputs.get(i);
            if (p == null) {
                continue;
            }
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
            if (p.upn() != null) {
                Integer first = upnRows.putIfAbsent(p.upn(), i);
                if (first != null) {
                    errors.add(new FieldError(
                            "pupils[" + i + "].upn",
                            "UPN " + p.upn() + " is also on pupils[" + first + "]: a UPN is unique in a school"));
                }
            }
        }
        if (upnRows.isEmpty()) {
            return;
        }
        Map<String, String> held = queries.pupilIdsByUpn(urn, upnRows.keySet());
        for (Map.Entry<String, Integer> upn : upnRows.entrySet()) {
            String holder = held.get(upn.getKey());
            PupilInput p = inputs.get(upn.getValue());
            if (holder != null && !holder.equals(p.pupilId()) && !seen.contains(holder)) {
                conflicts.add(new FieldError(
                        "pupils[" + upn.getValue() + "].upn",
                        "UPN " + upn.getKey() + " is held by pupil " + holder
                                + " of this school: a UPN is unique in a school"));
            }
        }
    }

    /** Checks and upserts guardians (a 400 with every problem, nothing stored); the sync checks first. */
    @Transactional(TxType.MANDATORY)
    public GuardianSync upsertGuardians(String urn, List<GuardianInput> inputs) {
        List<FieldError> errors = new ArrayList<>();
        checkGuardians(urn, inputs, Set.of(), errors);
        throwIfAny(errors, List.of());
        return applyGuardians(urn, inputs);
    }

    private GuardianSync applyGuardians(String urn, List<GuardianInput> inputs) {
        List<String> ids = inputs.stream().map(GuardianInput::guardianId).toList();
        Map<String, Guardian> existing = queries.guardiansById(urn, ids);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> linkUpserts = new ArrayList<>();
        List<Object[]> linkDeletes = new ArrayList<>();
        List<CloudEvent> out = new ArrayList<>();
        Set<String> created = new LinkedHashSet<>();
        Set<String> changedPupils = new LinkedHashSet<>();
        List<GuardianRecord> records = new ArrayList<>();
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
            List<String> linked = new ArrayList<>();
            List<String> unlinked = new ArrayList<>();
            if (old == null) {
                inserts.add(new Object[] {g.name(), g.email(), urn, g.guardianId()});
                created.add(g.guardianId());
            } else if (detailsChanged || linksChanged) {
                updates.add(new Object[] {g.name(), g.email(), urn, g.guardianId()});
                changed++;
            }
            for (Link link : after.values()) {
                if (!link.equals(before.get(link.pupilId()))) {
                    linked.add(link.pupilId());
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
                    unlinked.add(link.pupilId());
                    linkDeletes.add(new Object[] {urn, g.guardianId(), link.pupilId()});
                    out.add(events.aboutPupil(
                            EventTypes.GUARDIAN_UNLINKED,
                            urn,
                            link.pupilId(),
                            CloudEventCodec.toData(linkEvent(g.guardianId(), link, false))));
                    changedPupils.add(link.pupilId());
                }
            }
            records.add(guardianRecord(g, old, linksChanged, linked, unlinked));
        }
        queries.writeGuardians(inserts, updates, linkDeletes, linkUpserts);
        outbox.appendAll(out);
        if (!changedPupils.isEmpty()) {
            rosterChanged.fire(new RosterChanged(urn, changedPupils));
        }
        return new GuardianSync(
                new SyncCounts(inserts.size(), changed, inputs.size() - inserts.size() - changed),
                created,
                changedPupils,
                records);
    }

    private static GuardianRecord guardianRecord(
            GuardianInput g, Guardian old, boolean linksChanged, List<String> linked, List<String> unlinked) {
        if (old == null) {
            return new GuardianRecord(
                    g.guardianId(), RosterSyncReport.Outcome.CREATED, List.of(), List.copyOf(linked), List.of());
        }
        List<String> fields = new ArrayList<>();
        if (!old.name().equals(g.name())) {
            fields.add("name");
        }
        if (!Objects.equals(old.email(), g.email())) {
            fields.add("email");
        }
        if (linksChanged) {
            fields.add("children");
        }
        return new GuardianRecord(
                g.guardianId(),
                fields.isEmpty() ? RosterSyncReport.Outcome.UNCHANGED : RosterSyncReport.Outcome.UPDATED,
                List.copyOf(fields),
                List.copyOf(linked),
                List.copyOf(unlinked));
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

    /**
     * Every guardian row's rules into {@code errors}: ids once, children once each, restrictions consistent, and links
     * only to pupils on the roster or in {@code inBatch}.
     */
    private void checkGuardians(String urn, List<GuardianInput> inputs, Set<String> inBatch, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        Set<String> referenced = new LinkedHashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            GuardianInput g = inputs.get(i);
            if (g == null) {
                continue;
            }
            if (g.guardianId() == null) {
                errors.add(new FieldError("guardians[" + i + "].guardianId", "required"));
            } else if (!seen.add(g.guardianId())) {
                errors.add(new FieldError("guardians[" + i + "].guardianId", "appears more than once in this sync"));
            }
            List<GuardianInput.ChildLink> children = g.children() == null ? List.of() : g.children();
            Set<String> listed = new HashSet<>();
            for (int j = 0; j < children.size(); j++) {
                GuardianInput.ChildLink child = children.get(j);
                if (child == null || child.pupilId() == null) {
                    continue;
                }
                if (!listed.add(child.pupilId())) {
                    errors.add(new FieldError(
                            "guardians[" + i + "].children[" + j + "].pupilId", "listed twice for this guardian"));
                }
                if (child.contradictsItself()) {
                    errors.add(new FieldError(
                            "guardians[" + i + "].children[" + j + "].restriction",
                            "a restriction kind needs restricted: true (or leave restricted out)"));
                }
                if (!inBatch.contains(child.pupilId())) {
                    referenced.add(child.pupilId());
                }
            }
        }
        if (referenced.isEmpty()) {
            return;
        }
        Set<String> known = queries.knownPupils(urn, referenced);
        for (int i = 0; i < inputs.size(); i++) {
            GuardianInput g = inputs.get(i);
            List<GuardianInput.ChildLink> children = g == null || g.children() == null ? List.of() : g.children();
            for (int j = 0; j < children.size(); j++) {
                GuardianInput.ChildLink child = children.get(j);
                if (child != null
                        && child.pupilId() != null
                        && !inBatch.contains(child.pupilId())
                        && !known.contains(child.pupilId())) {
                    errors.add(new FieldError(
                            "guardians[" + i + "].children[" + j + "].pupilId",
                            "no pupil " + child.pupilId() + " on this school's roster"));
                }
            }
        }
    }
}
