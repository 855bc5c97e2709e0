package org.custodian.consent.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.consent.decision.BiometricRules.NoticeOutcome;
import org.custodian.consent.decision.ConsentResolver.Context;
import org.custodian.consent.decision.ConsentResolver.Resolution;
import org.custodian.consent.purpose.Purpose;
import org.custodian.consent.purpose.PurposeKind;
import org.custodian.consent.purpose.PurposeReworded;
import org.custodian.consent.purpose.PurposeService;
import org.custodian.consent.roster.Ages;
import org.custodian.consent.roster.CompetenceAssessmentRepository;
import org.custodian.consent.roster.CompetenceRules;
import org.custodian.consent.roster.CompetenceRules.Competence;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.roster.RosterChanged;
import org.custodian.consent.roster.RosterQueries;
import org.custodian.consent.school.School;
import org.custodian.consent.school.SchoolRulesChanged;
import org.custodian.consent.school.SchoolService;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.time.LegalTime;

/**
 * Keeps the stored effective statuses equal to what the resolution rules say, so that a check is one indexed read.
 * Every write that can change a status (a decision, a guardian link, a date of birth or leaving date, a rewording,
 * the school's policy, the passing of time) recomputes the statuses it touches here.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class StatusService {

    /**
     * Everything the rules need about some pupils, loaded with one query per table. {@code competence}: the DPO's
     * current assessment of each pupil that has one.
     */
    public record Inputs(
            School school,
            Map<String, Purpose> purposes,
            Map<String, Pupil> pupils,
            Map<String, Set<String>> responsible,
            Map<String, List<StoredDecision>> decisions,
            LocalDate today,
            Map<String, List<RosterQueries.LinkFacts>> links,
            Map<String, Map<String, NoticeOutcome>> notices,
            Map<String, RosterEvents.CompetenceAssessment> competence) {

        List<StoredDecision> decisionsOf(String pupilId, String purpose) {
            return decisions.getOrDefault(pupilId + "\u0000" + purpose, List.of());
        }

        /** Whether the pupil exercises their own rights today: the DPO's assessment in effect, else the age. */
        Competence competenceOf(Pupil pupil) {
            return CompetenceRules.on(
                    pupil.dateOfBirth(), today, school.effectiveCompetenceAge(), competence.get(pupil.pupilId()));
        }

        Context context(Pupil pupil, Purpose purpose) {
            Competence competent = competenceOf(pupil);
            return new Context(
                    purpose.kind(),
                    purpose.reconsentFrom(),
                    responsible.getOrDefault(pupil.pupilId(), Set.of()),
                    competent.competent(),
                    pupil.onRollOn(today),
                    school.conflictPolicy(),
                    today,
                    Ages.ageOn(pupil.dateOfBirth(), today) >= ADULT,
                    links.getOrDefault(pupil.pupilId(), List.of()).stream()
                            .map(StatusService::person)
                            .toList(),
                    notices.getOrDefault(pupil.pupilId() + "\u0000" + purpose.code(), Map.of()),
                    competent.assessed());
        }

        public Resolution resolve(Pupil pupil, Purpose purpose) {
            return ConsentResolver.resolve(
                    context(pupil, purpose),
                    decisionsOf(pupil.pupilId(), purpose.code()).stream()
                            .map(StoredDecision::asRecorded)
                            .toList());
        }
    }

    /** Protection of Freedoms Act 2012, s.28(1): "child" means a person under the age of 18. */
    static final int ADULT = 18;

    /** A roster link as the biometric rules see it (s.28(5)–(8)). */
    static BiometricRules.Person person(RosterQueries.LinkFacts link) {
        BiometricRules.Standing standing = switch (link.relationship()) {
            case MOTHER, FATHER, PARENT -> BiometricRules.Standing.PARENT_OF_CHILD;
            case LOCAL_AUTHORITY -> BiometricRules.Standing.LOCAL_AUTHORITY;
            case VOLUNTARY_ORGANISATION -> BiometricRules.Standing.VOLUNTARY_ORGANISATION;
            default -> BiometricRules.Standing.OTHER_INDIVIDUAL;
        };
        return new BiometricRules.Person(link.guardianId(), standing, link.parentalResponsibility(), link.hasCare());
    }

    private final StatusQueries queries;
    private final DecisionQueries decisionQueries;
    private final BiometricQueries biometricQueries;
    private final SchoolService schools;
    private final PurposeService purposes;
    private final RosterQueries roster;
    private final CompetenceAssessmentRepository assessments;
    private final Outbox outbox;
    private final EventSource events;
    private final Clock clock;

    public StatusService(
            StatusQueries queries,
            DecisionQueries decisionQueries,
            BiometricQueries biometricQueries,
            SchoolService schools,
            PurposeService purposes,
            RosterQueries roster,
            CompetenceAssessmentRepository assessments,
            Outbox outbox,
            EventSource events,
            Clock clock) {
        this.queries = queries;
        this.decisionQueries = decisionQueries;
        this.biometricQueries = biometricQueries;
        this.schools = schools;
        this.purposes = purposes;
        this.roster = roster;
        this.assessments = assessments;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(TxType.SUPPORTS)
    public Inputs inputs(String urn, Collection<String> pupilIds) {
        Map<String, List<StoredDecision>> decisions = new HashMap<>();
        if (!pupilIds.isEmpty()) {
            decisionQueries
                    .ofPupils(urn, pupilIds)
                    .forEach(d -> decisions
                            .computeIfAbsent(d.pupilId() + "\u0000" + d.purpose(), k -> new ArrayList<>())
                            .add(d));
        }
        Map<String, Purpose> byCode = purposes.list(urn).stream().collect(Collectors.toMap(Purpose::code, p -> p));
        List<String> biometric = byCode.values().stream()
                .filter(p -> p.kind() == PurposeKind.BIOMETRIC)
                .map(Purpose::code)
                .toList();
        Map<String, List<RosterQueries.LinkFacts>> links = roster.linksOf(urn, pupilIds);
        return new Inputs(
                schools.profile(urn),
                byCode,
                roster.pupilsById(urn, pupilIds),
                responsibleGuardians(links),
                decisions,
                LegalTime.today(clock),
                links,
                biometric.isEmpty() ? Map.of() : biometricQueries.latestNotices(urn, pupilIds, biometric),
                assessments.currentOf(urn, pupilIds));
    }

    /** For each pupil, the guardians who hold parental responsibility for them now, from their links. */
    static Map<String, Set<String>> responsibleGuardians(Map<String, List<RosterQueries.LinkFacts>> links) {
        Map<String, Set<String>> byPupil = new HashMap<>();
        links.forEach((pupilId, facts) -> facts.stream()
                .filter(RosterQueries.LinkFacts::parentalResponsibility)
                .forEach(l ->
                        byPupil.computeIfAbsent(pupilId, k -> new HashSet<>()).add(l.guardianId())));
        return byPupil;
    }

    /**
     * Recomputes the statuses of these pupils (every purpose they have a decision or status for), stores what
     * changed and returns it. {@code announce} emits an event for each change.
     */
    public List<Change> recompute(String urn, Collection<String> pupilIds, boolean announce) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        Inputs in = inputs(urn, pupilIds);
        Map<String, StoredStatus> stored = new HashMap<>();
        queries.ofPupils(urn, pupilIds).forEach(s -> stored.put(s.pupilId() + "\u0000" + s.purpose(), s));
        Set<String> keys = new LinkedHashSet<>(in.decisions().keySet());
        keys.addAll(stored.keySet());

        List<Change> changes = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (String key : keys) {
            String[] parts = key.split("\u0000");
            Pupil pupil = in.pupils().get(parts[0]);
            Purpose purpose = in.purposes().get(parts[1]);
            if (pupil == null || purpose == null) {
                continue;
            }
            Resolution r = in.resolve(pupil, purpose);
            LocalDate recomputeOn = recomputeOn(in, pupil, purpose, r);
            rows.add(new Object[] {
                urn, pupil.pupilId(), purpose.code(), r.status(), r.effectiveVersion(), r.validUntil(), recomputeOn
            });
            StoredStatus before = stored.get(key);
            if (before == null
                    || before.status() != r.status()
                    || !Objects.equals(before.effectiveVersion(), r.effectiveVersion())) {
                changes.add(new Change(pupil.pupilId(), purpose, before, r));
            }
        }
        queries.upsert(rows);
        if (announce) {
            outbox.appendAll(changes.stream()
                    .filter(Change::isChange)
                    .map(c -> event(urn, c))
                    .toList());
        }
        return changes;
    }

    /** Recomputes and stores one pupil's status for one purpose, for a decision just recorded; no event. */
    public Resolution recomputeFor(String urn, Pupil pupil, Purpose purpose) {
        Inputs in = inputs(urn, List.of(pupil.pupilId()));
        Resolution r = in.resolve(pupil, purpose);
        queries.upsert(
                urn,
                pupil.pupilId(),
                purpose.code(),
                r.status(),
                r.effectiveVersion(),
                r.validUntil(),
                recomputeOn(in, pupil, purpose, r));
        return r;
    }

    /** A status that a recomputation changed. */
    public record Change(String pupilId, Purpose purpose, StoredStatus before, Resolution after) {
        boolean isChange() {
            return (before == null ? ConsentStatus.NOT_ASKED : before.status()) != after.status();
        }
    }

    /** The event for a status that changed without a new decision (a link, a date, a rewording, time passing). */
    private CloudEvent event(String urn, Change c) {
        ConsentStatus status = c.after().status();
        if (status == ConsentStatus.EXPIRED) {
            return events.aboutPupil(
                    EventTypes.CONSENT_EXPIRED,
                    urn,
                    c.pupilId(),
                    CloudEventCodec.toData(new ConsentEvents.Expired(
                            c.pupilId(),
                            c.purpose().code(),
                            c.purpose().currentVersion(),
                            c.before() == null ? null : c.before().validUntil(),
                            status.name())));
        }
        String type = switch (status) {
            case GRANTED -> EventTypes.CONSENT_GRANTED;
            case REFUSED -> EventTypes.CONSENT_REFUSED;
            default -> EventTypes.CONSENT_WITHDRAWN;
        };
        return events.aboutPupil(
                type,
                urn,
                c.pupilId(),
                CloudEventCodec.toData(new ConsentEvents.DecisionRecorded(
                        null,
                        c.pupilId(),
                        c.purpose().code(),
                        c.purpose().currentVersion(),
                        c.purpose().kind().name(),
                        null,
                        null,
                        null,
                        null,
                        clock.instant(),
                        status.name(),
                        c.after().effectiveVersion())));
    }

    /**
     * The next day this status can change without anyone writing: a grant expires, the pupil comes of age (unless the
     * DPO's assessment decides their competence instead), or (for a biometric purpose) turns 18, when their parents'
     * decisions stop counting.
     */
    static LocalDate recomputeOn(Inputs in, Pupil pupil, Purpose purpose, Resolution r) {
        LocalDate next = null;
        if (r.status() == ConsentStatus.GRANTED && r.validUntil() != null) {
            next = r.validUntil().plusDays(1);
        }
        LocalDate eighteen = pupil.dateOfBirth().plusYears(ADULT);
        if (purpose.kind() == PurposeKind.BIOMETRIC
                && eighteen.isAfter(in.today())
                && (next == null || eighteen.isBefore(next))) {
            next = eighteen;
        }
        boolean pupilDecided = in.decisionsOf(pupil.pupilId(), purpose.code()).stream()
                .anyMatch(d -> d.giver().isPupil());
        LocalDate comesOfAge = pupil.dateOfBirth().plusYears(in.school().effectiveCompetenceAge());
        if (pupilDecided
                && purpose.kind() == PurposeKind.STANDARD
                && !in.competenceOf(pupil).assessed()
                && comesOfAge.isAfter(in.today())
                && (next == null || comesOfAge.isBefore(next))) {
            next = comesOfAge;
        }
        return next;
    }

    /** The stored status of one pupil for one purpose now. */
    @Transactional(TxType.SUPPORTS)
    public ConsentStatus statusNow(String urn, String pupilId, String purpose) {
        return queries.stored(urn, List.of(pupilId), List.of(purpose)).stream()
                .findFirst()
                .map(s -> s.statusOn(LegalTime.today(clock)))
                .orElse(ConsentStatus.NOT_ASKED);
    }

    /** For each pupil, each purpose's stored status now (purposes not asked about are left out). */
    @Transactional(TxType.SUPPORTS)
    public Map<String, Map<String, ConsentStatus>> summaries(
            String urn, Collection<String> pupilIds, Collection<String> purposes) {
        Map<String, Map<String, ConsentStatus>> byPupil = new HashMap<>();
        LocalDate day = LegalTime.today(clock);
        for (StoredStatus s : queries.stored(urn, pupilIds, purposes)) {
            byPupil.computeIfAbsent(s.pupilId(), k -> new LinkedHashMap<>()).put(s.purpose(), s.statusOn(day));
        }
        return byPupil;
    }

    /** Pupils whose statuses the passing of time may have changed by {@code day}, by school. */
    @Transactional(TxType.SUPPORTS)
    public Map<String, List<String>> dueForRecheck(LocalDate day, int limit) {
        return queries.dueForRecheck(day, limit);
    }

    void onRosterChanged(@Observes RosterChanged change) {
        List<String> ids = List.copyOf(change.pupilIds());
        for (int from = 0; from < ids.size(); from += BATCH) {
            recompute(change.urn(), ids.subList(from, Math.min(ids.size(), from + BATCH)), true);
        }
    }

    void onPurposeReworded(@Observes PurposeReworded reworded) {
        recomputeAll(reworded.urn(), reworded.code());
    }

    void onSchoolRulesChanged(@Observes SchoolRulesChanged changed) {
        recomputeAll(changed.urn(), null);
    }

    /** Recomputes every pupil with a decision (for one purpose, or any), a batch at a time. */
    private void recomputeAll(String urn, String purposeCode) {
        String after = "";
        List<String> batch;
        do {
            batch = queries.pupilsWithDecisions(urn, purposeCode, after, BATCH);
            recompute(urn, batch, true);
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
        } while (batch.size() == BATCH);
    }

    private static final int BATCH = 500;
}
