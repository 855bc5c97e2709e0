package org.custodian.consent.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.consent.decision.ConsentStatus;
import org.custodian.consent.decision.StoredStatus;
import org.custodian.consent.support.Today;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problems;

/**
 * The hot path: effective statuses for many pupils and purposes, and the class list for one purpose, each answered
 * by a single indexed query over the stored statuses.
 */
@ApplicationScoped
public class ConsentChecks {

    /** One pupil's row of the matrix; {@code permitted} is what a teacher acts on. */
    public record PupilResult(String pupilId, boolean onRoll, Map<String, Cell> statuses) {}

    public record Cell(ConsentStatus status, boolean permitted) {}

    public record Matrix(List<PupilResult> results, List<String> unknownPupils) {}

    /** A pupil on a class list. */
    public record Listed(
            String pupilId,
            String givenName,
            String familyName,
            int yearGroup,
            ConsentStatus status,
            LocalDate validUntil) {}

    private final Jdbc db;
    private final Today today;

    @Inject
    public ConsentChecks(Jdbc db, Today today) {
        this.db = db;
        this.today = today;
    }

    public Matrix check(String urn, List<String> pupilIds, List<String> purposes) {
        LocalDate day = today.date();
        Map<String, PupilResult> results = new LinkedHashMap<>();
        Set<String> unknownPupils = new LinkedHashSet<>();
        Set<String> unknownPurposes = new LinkedHashSet<>();
        db.list(
                """
                SELECT q.pupil_id, c.code, pu.code IS NOT NULL AS purpose_known, p.pupil_id IS NOT NULL AS pupil_known,
                       p.leaving_date, s.status, s.effective_version, s.valid_until
                FROM unnest(?::text[]) WITH ORDINALITY AS q(pupil_id, n)
                CROSS JOIN unnest(?::text[]) WITH ORDINALITY AS c(code, m)
                LEFT JOIN purpose pu ON pu.school_urn = ? AND pu.code = c.code
                LEFT JOIN pupil p ON p.school_urn = ? AND p.pupil_id = q.pupil_id
                LEFT JOIN consent_status s ON s.school_urn = ? AND s.pupil_id = q.pupil_id AND s.purpose_code = c.code
                ORDER BY q.n, c.m
                """,
                rs -> {
                    String pupilId = rs.getString("pupil_id");
                    String code = rs.getString("code");
                    if (!rs.getBoolean("purpose_known")) {
                        unknownPurposes.add(code);
                    } else if (!rs.getBoolean("pupil_known")) {
                        unknownPupils.add(pupilId);
                    } else {
                        LocalDate leaving = Jdbc.date(rs, "leaving_date");
                        boolean onRoll = leaving == null || !day.isAfter(leaving);
                        String stored = rs.getString("status");
                        ConsentStatus status = stored == null
                                ? ConsentStatus.NOT_ASKED
                                : new StoredStatus(
                                                pupilId,
                                                code,
                                                ConsentStatus.valueOf(stored),
                                                Jdbc.integer(rs, "effective_version"),
                                                Jdbc.date(rs, "valid_until"))
                                        .statusOn(day);
                        results.computeIfAbsent(pupilId, id -> new PupilResult(id, onRoll, new LinkedHashMap<>()))
                                .statuses()
                                .put(code, new Cell(status, onRoll && status == ConsentStatus.GRANTED));
                    }
                    return null;
                },
                pupilIds,
                purposes,
                urn,
                urn,
                urn);
        if (!unknownPurposes.isEmpty()) {
            throw Problems.invalid("purposes", "unknown purpose code(s) " + String.join(", ", unknownPurposes));
        }
        return new Matrix(new ArrayList<>(results.values()), new ArrayList<>(unknownPupils));
    }

    /** Pupils on roll with a given status for a purpose, in id order, optionally of one year group. */
    public Page<Listed> classList(
            String urn, String purpose, ConsentStatus status, Integer yearGroup, PageRequest page) {
        LocalDate day = today.date();
        StringBuilder sql = new StringBuilder("""
                SELECT p.pupil_id, p.given_name, p.family_name, p.year_group, s.status, s.effective_version, s.valid_until
                FROM pupil p LEFT JOIN consent_status s
                  ON s.school_urn = p.school_urn AND s.pupil_id = p.pupil_id AND s.purpose_code = ?
                WHERE p.school_urn = ? AND (p.leaving_date IS NULL OR p.leaving_date >= ?) AND p.pupil_id > ?
                """);
        List<Object> params = new ArrayList<>(List.of(purpose, urn, day, page.isFirst() ? "" : page.after(0)));
        switch (status) {
            case GRANTED -> {
                sql.append(" AND s.status = 'GRANTED' AND (s.valid_until IS NULL OR s.valid_until >= ?)");
                params.add(day);
            }
            case EXPIRED -> {
                sql.append(" AND (s.status = 'EXPIRED' OR (s.status = 'GRANTED' AND s.valid_until < ?))");
                params.add(day);
            }
            case NOT_ASKED -> sql.append(" AND (s.status IS NULL OR s.status = 'NOT_ASKED')");
            default -> {
                sql.append(" AND s.status = ?");
                params.add(status.name());
            }
        }
        if (yearGroup != null) {
            sql.append(" AND p.year_group = ?");
            params.add(yearGroup);
        }
        sql.append(" ORDER BY p.pupil_id LIMIT ?");
        params.add(page.fetchSize());
        List<Listed> rows = db.list(
                sql.toString(),
                rs -> {
                    String stored = rs.getString("status");
                    ConsentStatus now = stored == null
                            ? ConsentStatus.NOT_ASKED
                            : new StoredStatus(
                                            rs.getString("pupil_id"),
                                            purpose,
                                            ConsentStatus.valueOf(stored),
                                            Jdbc.integer(rs, "effective_version"),
                                            Jdbc.date(rs, "valid_until"))
                                    .statusOn(day);
                    return new Listed(
                            rs.getString("pupil_id"),
                            rs.getString("given_name"),
                            rs.getString("family_name"),
                            rs.getInt("year_group"),
                            now,
                            Jdbc.date(rs, "valid_until"));
                },
                params.toArray());
        return Page.fromRows(rows, page, l -> List.of(l.pupilId()));
    }
}
