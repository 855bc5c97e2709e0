package org.custodian.sharing.projection;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.decision.ConsentStatus;
import org.custodian.sharing.decision.PupilFacts;
import org.custodian.sharing.decision.PupilFacts.Objection;
import org.custodian.sharing.decision.PupilFacts.Restriction;
import org.custodian.sharing.partner.StopUsingRules;

/**
 * The local copies of other services' facts the decision engine reads: roster, effective consent, restrictions and
 * objections. Written only by the event consumers; read in bulk (one query per table for up to 1,000 pupils).
 */
@ApplicationScoped
public class ProjectionQueries {

    private final Jdbc jdbc;

    ProjectionQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts about each pupil, in the order asked; a pupil the roster never mentioned is not on it. */
    public Map<String, PupilFacts> facts(
            String urn, List<String> pupilIds, Collection<String> consentPurposes, LocalDate today) {
        String[] ids = pupilIds.toArray(String[]::new);
        // one read of the roster: on it today, or off it since a day (the leaving date, else the day the roster said
        // the pupil was off roll), for the statutory transfers leaving does not block
        Set<String> onRoster = new HashSet<>();
        Map<String, LocalDate> leftOn = new HashMap<>();
        jdbc.list("""
                SELECT pupil_id, on_roll, leaving_date, as_of FROM roster_pupil WHERE school_urn = ? AND pupil_id = ANY(?)
                """, ProjectionQueries::rosterEntry, urn, ids).forEach(entry -> {
            if (entry.onRollOn(today)) {
                onRoster.add(entry.pupilId());
            } else {
                leftOn.put(entry.pupilId(), entry.leftOn());
            }
        });
        Map<String, Map<String, ConsentStatus>> consent = new HashMap<>();
        if (!consentPurposes.isEmpty()) {
            jdbc.list(
                    """
                    SELECT c.pupil_id, c.purpose, CASE
                             WHEN c.status = 'GRANTED' AND f.min_version IS NOT NULL AND coalesce(c.version, 0) < f.min_version
                             THEN 'RENEWAL_NEEDED' ELSE c.status END
                    FROM consent_status c
                    LEFT JOIN consent_purpose_floor f ON f.school_urn = c.school_urn AND f.purpose = c.purpose
                    WHERE c.school_urn = ? AND c.purpose = ANY(?) AND c.pupil_id = ANY(?)
                    """,
                    row -> consent.computeIfAbsent(row.getString(1), k -> new HashMap<>())
                            .put(row.getString(2), ConsentStatus.parse(row.getString(3))),
                    urn,
                    consentPurposes,
                    ids);
        }
        Map<String, List<Restriction>> restrictions = new HashMap<>();
        jdbc.list(
                "SELECT pupil_id, categories FROM pupil_restriction WHERE school_urn = ? AND pupil_id = ANY(?)",
                row -> restrictions
                        .computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                        .add(new Restriction(Set.copyOf(Jdbc.strings(row, "categories")))),
                urn,
                ids);
        Map<String, List<Objection>> objections = new HashMap<>();
        jdbc.list(
                "SELECT pupil_id, purposes FROM pupil_objection WHERE school_urn = ? AND pupil_id = ANY(?)",
                row -> objections
                        .computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                        .add(new Objection(Set.copyOf(Jdbc.strings(row, "purposes")))),
                urn,
                ids);
        Map<String, PupilFacts> facts = new LinkedHashMap<>();
        for (String id : pupilIds) {
            facts.put(
                    id,
                    new PupilFacts(
                            id,
                            onRoster.contains(id),
                            consent.getOrDefault(id, Map.of()),
                            restrictions.getOrDefault(id, List.of()),
                            objections.getOrDefault(id, List.of()),
                            onRoster.contains(id) ? null : leftOn.get(id)));
        }
        return facts;
    }

    // --- roster ---

    public void pupilChanged(String urn, String pupilId, boolean onRoll, LocalDate leavingDate, Instant asOf) {
        jdbc.update("""
                INSERT INTO roster_pupil (school_urn, pupil_id, on_roll, leaving_date, as_of) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, pupil_id) DO UPDATE
                SET on_roll = EXCLUDED.on_roll, leaving_date = EXCLUDED.leaving_date, as_of = EXCLUDED.as_of
                WHERE roster_pupil.as_of <= EXCLUDED.as_of
                """, urn, pupilId, onRoll, leavingDate, asOf);
    }

    /** The school's type from {@code school.updated}; older events never overwrite newer ones. */
    public void schoolType(String urn, String type, Instant asOf) {
        jdbc.update("""
                INSERT INTO school_profile (school_urn, school_type, as_of) VALUES (?, ?, ?)
                ON CONFLICT (school_urn) DO UPDATE SET school_type = EXCLUDED.school_type, as_of = EXCLUDED.as_of
                WHERE school_profile.as_of <= EXCLUDED.as_of
                """, urn, type, asOf);
    }

    /**
     * Whether the school is a public authority for UK GDPR Art. 6(1) (DPA 2018 s.7: a public authority as FOIA 2000
     * defines it; its Sch. 1 Part IV names maintained schools' governing bodies and academies' proprietors). Only an
     * independent school is not; an unknown type is read as one (the safe side: no legitimate interests).
     */
    public boolean publicAuthority(String urn) {
        return jdbc.one("SELECT school_type FROM school_profile WHERE school_urn = ?", r -> r.getString(1), urn)
                .map(type -> !"INDEPENDENT".equalsIgnoreCase(type))
                .orElse(true);
    }

    /** A {@code pupil.left} the roster applied, and the leaving date the roster held before it (null: none). */
    public record Left(LocalDate previousLeavingDate) {}

    /**
     * Applies {@code pupil.left} unless the roster already holds something newer (an event delivered out of order):
     * empty when it was not applied, so that nothing follows from a stale event. The leaving date before it is read in
     * the same statement (its snapshot does not see the statement's own change).
     */
    public Optional<Left> pupilLeft(String urn, String pupilId, LocalDate leavingDate, Instant asOf) {
        List<Left> applied = jdbc.list(
                """
                WITH before AS (SELECT leaving_date FROM roster_pupil WHERE school_urn = ? AND pupil_id = ?)
                INSERT INTO roster_pupil (school_urn, pupil_id, on_roll, leaving_date, as_of) VALUES (?, ?, false, ?, ?)
                ON CONFLICT (school_urn, pupil_id) DO UPDATE SET leaving_date = EXCLUDED.leaving_date, as_of = EXCLUDED.as_of
                WHERE roster_pupil.as_of <= EXCLUDED.as_of
                RETURNING (SELECT leaving_date FROM before) AS previous_leaving_date
                """,
                r -> new Left(Jdbc.date(r, "previous_leaving_date")),
                urn,
                pupilId,
                urn,
                pupilId,
                leavingDate,
                asOf);
        return applied.stream().findFirst();
    }

    // --- consent ---

    /** The status the projection holds for a pupil and purpose, and as of when (nothing when none was recorded). */
    public Optional<StopUsingRules.Before> consentHeld(String urn, String pupilId, String purpose) {
        return jdbc.one(
                "SELECT status, as_of FROM consent_status WHERE school_urn = ? AND pupil_id = ? AND purpose = ?",
                r -> new StopUsingRules.Before(ConsentStatus.parse(r.getString("status")), Jdbc.instant(r, "as_of")),
                urn,
                pupilId,
                purpose);
    }

    public void consentStatus(
            String urn, String pupilId, String purpose, ConsentStatus status, Integer version, Instant asOf) {
        jdbc.update("""
                INSERT INTO consent_status (school_urn, pupil_id, purpose, status, version, as_of) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, pupil_id, purpose) DO UPDATE
                SET status = EXCLUDED.status, version = coalesce(EXCLUDED.version, consent_status.version), as_of = EXCLUDED.as_of
                WHERE consent_status.as_of <= EXCLUDED.as_of
                """, urn, pupilId, purpose, status, version, asOf);
    }

    /** A rewording that requires re-consent: GRANTED resting on an older version becomes RENEWAL_NEEDED. */
    public void reworded(String urn, String purpose, int version) {
        jdbc.update("""
                INSERT INTO consent_purpose_floor (school_urn, purpose, min_version) VALUES (?, ?, ?)
                ON CONFLICT (school_urn, purpose) DO UPDATE
                SET min_version = greatest(consent_purpose_floor.min_version, EXCLUDED.min_version)
                """, urn, purpose, version);
        jdbc.update("""
                UPDATE consent_status SET status = 'RENEWAL_NEEDED'
                WHERE school_urn = ? AND purpose = ? AND status = 'GRANTED' AND coalesce(version, 0) < ?
                """, urn, purpose, version);
    }

    // --- rights ---

    public void restrict(String urn, String pupilId, String requestId, List<String> categories, Instant since) {
        jdbc.update("""
                INSERT INTO pupil_restriction (school_urn, pupil_id, request_id, categories, since) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, pupil_id, request_id) DO UPDATE SET categories = EXCLUDED.categories
                """, urn, pupilId, requestId, categories, since);
    }

    /** Lifts the restriction of that request; without one, an unrestriction of all processing lifts every one. */
    public void unrestrict(String urn, String pupilId, String requestId, List<String> categories) {
        int lifted = jdbc.update(
                "DELETE FROM pupil_restriction WHERE school_urn = ? AND pupil_id = ? AND request_id = ?",
                urn,
                pupilId,
                requestId);
        if (lifted == 0 && categories.isEmpty()) {
            jdbc.update("DELETE FROM pupil_restriction WHERE school_urn = ? AND pupil_id = ?", urn, pupilId);
        }
    }

    public void objectionUpheld(
            String urn, String pupilId, String requestId, String processing, List<String> purposes, Instant since) {
        jdbc.update("""
                INSERT INTO pupil_objection (school_urn, pupil_id, request_id, processing, purposes, since)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, pupil_id, request_id) DO UPDATE
                SET processing = EXCLUDED.processing, purposes = EXCLUDED.purposes
                """, urn, pupilId, requestId, processing, purposes, since);
    }

    /** What the projections hold about one pupil, for the subject export. */
    public Map<String, Object> about(String urn, String pupilId) {
        Map<String, Object> held = new LinkedHashMap<>();
        held.put(
                "roster",
                jdbc.one(
                                "SELECT on_roll, leaving_date FROM roster_pupil WHERE school_urn = ? AND pupil_id = ?",
                                row -> {
                                    Map<String, Object> r = new LinkedHashMap<>();
                                    r.put("onRoll", row.getBoolean(1));
                                    r.put("leavingDate", row.getObject(2, LocalDate.class));
                                    return r;
                                },
                                urn,
                                pupilId)
                        .orElse(null));
        held.put(
                "consent",
                jdbc.list(
                        "SELECT purpose, status, version, as_of FROM consent_status WHERE school_urn = ? AND pupil_id = ? ORDER BY purpose",
                        row -> Map.of(
                                "purpose",
                                row.getString(1),
                                "status",
                                row.getString(2),
                                "asOf",
                                Jdbc.instant(row, "as_of")),
                        urn,
                        pupilId));
        held.put(
                "restrictions",
                jdbc.list(
                        "SELECT request_id, categories, since FROM pupil_restriction WHERE school_urn = ? AND pupil_id = ? ORDER BY since",
                        row -> Map.of(
                                "requestId",
                                row.getString(1),
                                "categories",
                                Jdbc.strings(row, "categories"),
                                "since",
                                Jdbc.instant(row, "since")),
                        urn,
                        pupilId));
        held.put(
                "objections",
                jdbc.list(
                        "SELECT request_id, coalesce(processing, ''), purposes, since FROM pupil_objection WHERE school_urn = ? AND pupil_id = ? ORDER BY since",
                        row -> Map.of(
                                "requestId",
                                row.getString(1),
                                "processing",
                                row.getString(2),
                                "purposes",
                                Jdbc.strings(row, "purposes"),
                                "since",
                                Jdbc.instant(row, "since")),
                        urn,
                        pupilId));
        return held;
    }

    /** A pupil as the roster last said: on roll or not, the leaving date if any, and when the roster said so. */
    private record RosterEntry(String pupilId, boolean onRoll, LocalDate leavingDate, Instant asOf) {

        boolean onRollOn(LocalDate day) {
            return onRoll && (leavingDate == null || !leavingDate.isBefore(day));
        }

        LocalDate leftOn() {
            return leavingDate != null ? leavingDate : LegalTime.dayOf(asOf);
        }
    }

    private static RosterEntry rosterEntry(ResultSet row) throws SQLException {
        return new RosterEntry(
                row.getString("pupil_id"),
                row.getBoolean("on_roll"),
                Jdbc.date(row, "leaving_date"),
                Jdbc.instant(row, "as_of"));
    }
}
