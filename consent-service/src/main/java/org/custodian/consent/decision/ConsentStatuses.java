package org.custodian.consent.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.consent.decision.ConsentResolver.Context;
import org.custodian.consent.decision.ConsentResolver.Resolution;
import org.custodian.consent.purpose.Purpose;
import org.custodian.consent.purpose.PurposeKind;
import org.custodian.consent.purpose.PurposeReworded;
import org.custodian.consent.purpose.Purposes;
import org.custodian.consent.roster.Ages;
import org.custodian.consent.roster.Pupil;
import org.custodian.consent.roster.Roster;
import org.custodian.consent.roster.RosterChanged;
import org.custodian.consent.school.School;
import org.custodian.consent.school.SchoolRulesChanged;
import org.custodian.consent.school.Schools;
import org.custodian.consent.support.Events;
import org.custodian.consent.support.Today;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.outbox.Outbox;

/**
 * Keeps the stored effective statuses equal to what the resolution rules say, so that a check is one indexed read.
 * Every write that can change a status (a decision, a guardian link, a date of birth or leaving date, a rewording,
 * the school's policy, the passing of time) recomputes the statuses it touches here.
 */
@ApplicationScoped
public class ConsentStatuses {

    static final String DECISION_COLUMNS = """
            decision_id, pupil_id, purpose_code, purpose_version, decision, given_by_type, given_by_id, relationship, method,
            evidence_ref, evidence_date, valid_until, recorded_at, recorded_by, recorded_by_role
            """;

    private static final String UPSERT = """
            INSERT INTO consent_status (school_urn, pupil_id, purpose_code, status, effective_version, valid_until, recompute_on)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (school_urn, pupil_id, purpose_code) DO UPDATE SET status = EXCLUDED.status,
                effective_version = EXCLUDED.effective_version, valid_until = EXCLUDED.valid_until,
                recompute_on = EXCLUDED.recompute_on, updated_at = now()
            """;

    /** Everything the rules need about some pupils, loaded with one query per table. */
    public record Inputs(
            School school,
            Map<String, Purpose> purposes,
            Map<String, Pupil> pupils,
            Map<String, Set<String>> responsible,
            Map<String, List<StoredDecision>> decisions,
            LocalDate today) {

        List<StoredDecision> decisionsOf(String pupilId, String purpose) {
            return decisions.getOrDefault(pupilId + "\u0000" + purpose, List.of());
        }

        Context context(Pupil pupil, Purpose purpose) {
            return new Context(
                    purpose.kind(),
                    purpose.reconsentFrom(),
                    responsible.getOrDefault(pupil.pupilId(), Set.of()),
                    Ages.isCompetent(pupil.dateOfBirth(), today, school.competenceAge()),
                    pupil.onRollOn(today),
                    school.conflictPolicy(),
                    today);
        }

        public Resolution resolve(Pupil pupil, Purpose purpose) {
            return ConsentResolver.resolve(
                    context(pupil, purpose),
                    decisionsOf(pupil.pupilId(), purpose.code()).stream()
                            .map(StoredDecision::asRecorded)
                            .toList());
        }
    }

    private final Jdbc db;
    private final Schools schools;
    private final Purposes purposes;
    private final Roster roster;
    private final Outbox outbox;
    private final Today today;

    @Inject
    public ConsentStatuses(Jdbc db, Schools schools, Purposes purposes, Roster roster, Outbox outbox, Today today) {
        this.db = db;
        this.schools = schools;
        this.purposes = purposes;
        this.roster = roster;
        this.outbox = outbox;
        this.today = today;
    }

    public Inputs inputs(String urn, Collection<String> pupilIds) {
        Map<String, List<StoredDecision>> decisions = new HashMap<>();
        if (!pupilIds.isEmpty()) {
            db.list(
                            "SELECT " + DECISION_COLUMNS
                                    + " FROM consent_decision WHERE school_urn = ? AND pupil_id = ANY (?)"
                                    + " ORDER BY recorded_at, decision_id",
                            StoredDecision::map,
                            urn,
                            pupilIds)
                    .forEach(d -> decisions
                            .computeIfAbsent(d.pupilId() + "\u0000" + d.purpose(), k -> new ArrayList<>())
                            .add(d));
        }
        Map<String, Purpose> byCode = purposes.list(urn).stream().collect(Collectors.toMap(Purpose::code, p -> p));
        return new Inputs(
                schools.require(urn),
                byCode,
                roster.pupilsById(urn, pupilIds),
                roster.responsibleGuardians(urn, pupilIds),
                decisions,
                today.date());
    }

    /**
     * Recomputes the statuses of these pupils (every purpose they have a decision or status for), stores what
     * changed and returns it. {@code announce} emits an event for each change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Change> recompute(String urn, Collection<String> pupilIds, boolean announce) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        Inputs in = inputs(urn, pupilIds);
        Map<String, StoredStatus> stored = new HashMap<>();
        db.list(
                        "SELECT pupil_id, purpose_code, status, effective_version, valid_until FROM consent_status"
                                + " WHERE school_urn = ? AND pupil_id = ANY (?)",
                        ConsentStatuses::mapStatus,
                        urn,
                        pupilIds)
                .forEach(s -> stored.put(s.pupilId() + "\u0000" + s.purpose(), s));
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
        db.batch(UPSERT, rows);
        if (announce) {
            outbox.appendAll(changes.stream()
                    .filter(Change::isChange)
                    .map(c -> event(urn, c))
                    .toList());
        }
        return changes;
    }

    /** Recomputes and stores one pupil's status for one purpose, for a decision just recorded; no event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution recomputeFor(String urn, Pupil pupil, Purpose purpose) {
        Inputs in = inputs(urn, List.of(pupil.pupilId()));
        Resolution r = in.resolve(pupil, purpose);
        db.update(
                UPSERT,
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
            return Events.aboutPupil(
                    EventTypes.CONSENT_EXPIRED,
                    urn,
                    c.pupilId(),
                    new ConsentEvents.Expired(
                            c.pupilId(),
                            c.purpose().code(),
                            c.purpose().currentVersion(),
                            c.before() == null ? null : c.before().validUntil(),
                            status.name()));
        }
        String type = switch (status) {
            case GRANTED -> EventTypes.CONSENT_GRANTED;
            case REFUSED -> EventTypes.CONSENT_REFUSED;
            default -> EventTypes.CONSENT_WITHDRAWN;
        };
        return Events.aboutPupil(
                type,
                urn,
                c.pupilId(),
                new ConsentEvents.DecisionRecorded(
                        null,
                        c.pupilId(),
                        c.purpose().code(),
                        c.purpose().currentVersion(),
                        c.purpose().kind().name(),
                        null,
                        null,
                        null,
                        null,
                        today.now(),
                        status.name(),
                        c.after().effectiveVersion()));
    }

    /** The next day this status can change without anyone writing: a grant expires, or the pupil comes of age. */
    static LocalDate recomputeOn(Inputs in, Pupil pupil, Purpose purpose, Resolution r) {
        LocalDate next = null;
        if (r.status() == ConsentStatus.GRANTED && r.validUntil() != null) {
            next = r.validUntil().plusDays(1);
        }
        boolean pupilDecided = in.decisionsOf(pupil.pupilId(), purpose.code()).stream()
                .anyMatch(d -> d.giver().isPupil());
        LocalDate comesOfAge = pupil.dateOfBirth().plusYears(in.school().competenceAge());
        if (pupilDecided
                && purpose.kind() == PurposeKind.STANDARD
                && comesOfAge.isAfter(in.today())
                && (next == null || comesOfAge.isBefore(next))) {
            next = comesOfAge;
        }
        return next;
    }

    /** The stored statuses of some pupils for some purposes: one indexed read. */
    public List<StoredStatus> stored(String urn, Collection<String> pupilIds, Collection<String> purposeCodes) {
        return db.list("""
                SELECT pupil_id, purpose_code, status, effective_version, valid_until FROM consent_status
                WHERE school_urn = ? AND pupil_id = ANY (?) AND purpose_code = ANY (?)
                """, ConsentStatuses::mapStatus, urn, pupilIds, purposeCodes);
    }

    /** Pupils whose statuses the passing of time may have changed by {@code day}, a school at a time. */
    public Map<String, List<String>> dueForRecheck(LocalDate day, int limit) {
        Map<String, List<String>> bySchool = new HashMap<>();
        db.list(
                "SELECT DISTINCT school_urn, pupil_id FROM consent_status WHERE recompute_on <= ? LIMIT ?",
                rs -> bySchool.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)),
                day,
                limit);
        return bySchool;
    }

    /** All pupils of a school with any decision, in id order, a page at a time. */
    public List<String> pupilsWithDecisions(String urn, String purposeCode, String after, int limit) {
        return db.list("""
                SELECT DISTINCT pupil_id FROM consent_decision
                WHERE school_urn = ? AND (?::text IS NULL OR purpose_code = ?) AND pupil_id > ?
                ORDER BY pupil_id LIMIT ?
                """, rs -> rs.getString(1), urn, purposeCode, purposeCode, after, limit);
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
            batch = pupilsWithDecisions(urn, purposeCode, after, BATCH);
            recompute(urn, batch, true);
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
        } while (batch.size() == BATCH);
    }

    private static final int BATCH = 500;

    static StoredStatus mapStatus(ResultSet rs) throws SQLException {
        return new StoredStatus(
                rs.getString("pupil_id"),
                rs.getString("purpose_code"),
                ConsentStatus.valueOf(rs.getString("status")),
                Jdbc.integer(rs, "effective_version"),
                Jdbc.date(rs, "valid_until"));
    }
}
