package org.custodian.retention.holding;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.retention.due.Erasure;
import org.custodian.retention.due.PupilFacts;
import org.custodian.retention.due.SubjectFacts;

/**
 * The projections of other services' events that due dates depend on: the roster's two dates per pupil, withdrawn
 * consent purposes and approved erasures. Written by the consumers in this package, read in bulk for due dates.
 */
@ApplicationScoped
public class SubjectFactsQueries {

    private final Jdbc sql;

    public SubjectFactsQueries(Jdbc sql) {
        this.sql = sql;
    }

    /** The facts of each named pupil; pupils nothing is known about are absent from the map. */
    public Map<String, SubjectFacts> load(String urn, Collection<String> pupilIds) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        String[] ids = Jdbc.texts(pupilIds);
        Map<String, PupilFacts> pupils = new HashMap<>();
        sql.list(
                "SELECT pupil_id, date_of_birth, leaving_date FROM pupil WHERE school_urn = ? AND pupil_id = ANY(?)",
                row -> pupils.put(
                        row.getString(1),
                        new PupilFacts(Jdbc.date(row, "date_of_birth"), Jdbc.date(row, "leaving_date"))),
                urn,
                ids);
        Map<String, Map<String, LocalDate>> withdrawals = new HashMap<>();
        Map<String, Map<String, String>> endedHow = new HashMap<>();
        sql.list(
                "SELECT pupil_id, purpose, withdrawn_on, ended_how FROM consent_withdrawal"
                        + " WHERE school_urn = ? AND pupil_id = ANY(?)",
                row -> {
                    withdrawals
                            .computeIfAbsent(row.getString(1), k -> new HashMap<>())
                            .put(row.getString(2), Jdbc.date(row, "withdrawn_on"));
                    return endedHow.computeIfAbsent(row.getString(1), k -> new HashMap<>())
                            .put(row.getString(2), row.getString(4));
                },
                urn,
                ids);
        Map<String, List<Erasure>> erasures = new HashMap<>();
        sql.list(
                "SELECT pupil_id, request_id, approved_on, categories FROM erasure WHERE school_urn = ? AND pupil_id = ANY(?)",
                row -> erasures.computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                        .add(new Erasure(
                                row.getString(2), Jdbc.date(row, "approved_on"), Jdbc.strings(row, "categories"))),
                urn,
                ids);
        Map<String, SubjectFacts> facts = new HashMap<>();
        for (String pupil : pupilIds) {
            if (pupils.containsKey(pupil) || withdrawals.containsKey(pupil) || erasures.containsKey(pupil)) {
                facts.put(
                        pupil,
                        new SubjectFacts(
                                pupils.get(pupil), withdrawals.get(pupil), erasures.get(pupil), endedHow.get(pupil)));
            }
        }
        return facts;
    }

    /** A pupil's facts after {@code pupil.enrolled} or {@code pupil.updated}. */
    public void savePupil(String urn, String pupilId, LocalDate dateOfBirth, LocalDate leavingDate, boolean onRoll) {
        sql.update("""
                INSERT INTO pupil (school_urn, pupil_id, date_of_birth, leaving_date, on_roll) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, pupil_id) DO UPDATE SET date_of_birth = EXCLUDED.date_of_birth,
                    leaving_date = EXCLUDED.leaving_date, on_roll = EXCLUDED.on_roll, updated_at = now()
                """, urn, pupilId, dateOfBirth, leavingDate, onRoll);
    }

    /** A pupil's leaving date after {@code pupil.left}. */
    public void pupilLeft(String urn, String pupilId, LocalDate leavingDate) {
        sql.update("""
                INSERT INTO pupil (school_urn, pupil_id, leaving_date, on_roll) VALUES (?, ?, ?, FALSE)
                ON CONFLICT (school_urn, pupil_id) DO UPDATE SET leaving_date = EXCLUDED.leaving_date, on_roll = FALSE,
                    updated_at = now()
                """, urn, pupilId, leavingDate);
    }

    /**
     * Records that consent for a purpose stopped counting (refused, withdrawn or expired: {@code how}); an earlier end
     * of the same purpose that still stands keeps its date and how.
     */
    public void consentEnded(String urn, String pupilId, String purpose, LocalDate on, String how) {
        sql.update("""
                INSERT INTO consent_withdrawal (school_urn, pupil_id, purpose, withdrawn_on, ended_how)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, pupil_id, purpose) DO NOTHING
                """, urn, pupilId, purpose, on, how);
    }

    /** Consent counts again for the purpose: a withdrawal no longer makes anything due. */
    public boolean consentGiven(String urn, String pupilId, String purpose) {
        return sql.update(
                        "DELETE FROM consent_withdrawal WHERE school_urn = ? AND pupil_id = ? AND purpose = ?",
                        urn,
                        pupilId,
                        purpose)
                > 0;
    }

    public void erasureApproved(
            String urn,
            String pupilId,
            String requestId,
            LocalDate on,
            boolean consentBasedOnly,
            List<String> categories,
            String reason) {
        sql.update(
                """
                INSERT INTO erasure (school_urn, pupil_id, request_id, approved_on, consent_based_only, categories, reason)
                VALUES (?, ?, ?, ?, ?, ?::text[], ?)
                ON CONFLICT (school_urn, pupil_id, request_id) DO NOTHING
                """,
                urn,
                pupilId,
                requestId,
                on,
                consentBasedOnly,
                Jdbc.texts(categories == null ? List.of() : categories),
                reason);
    }
}
