package org.custodian.consent.decision;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.consent.decision.BiometricRules.NoticeOutcome;
import org.custodian.platform.jdbc.Jdbc;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The SQL of the biometric records (Protection of Freedoms Act 2012, ss.26–28): the notices to parents, the
 * alternatives offered and the template deletions raised. Every table is append-only.
 */
@ApplicationScoped
public class BiometricQueries {

    /** A written notification of a parent, or the s.27(1) exception recorded for them. */
    public record Notice(
            String noticeId,
            String pupilId,
            String purpose,
            @Schema(nullable = true) String guardianId,
            NoticeOutcome outcome,
            LocalDate date,
            @Schema(nullable = true) String evidenceRef,
            Instant recordedAt,
            String recordedBy) {}

    /** The reasonable alternative offered to the child (s.26(7)). */
    public record Alternative(
            String alternativeId,
            String pupilId,
            String purpose,
            String alternative,
            LocalDate offeredOn,
            Instant recordedAt,
            String recordedBy) {}

    /** A task to delete the child's biometric template, raised by an objection or a withdrawal. */
    public record TemplateDeletion(
            String taskId,
            String pupilId,
            String purpose,
            @Schema(nullable = true) String decisionId,
            @Schema(nullable = true) String reason,
            Instant raisedAt) {}

    private final Jdbc db;

    public BiometricQueries(Jdbc db) {
        this.db = db;
    }

    public void insert(String urn, Notice n) {
        db.update(
                """
                INSERT INTO biometric_notice (school_urn, notice_id, pupil_id, purpose_code, guardian_id, outcome, notice_date,
                    evidence_ref, recorded_at, recorded_by)
                VALUES (?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                urn,
                n.noticeId(),
                n.pupilId(),
                n.purpose(),
                n.guardianId(),
                n.outcome(),
                n.date(),
                n.evidenceRef(),
                n.recordedAt(),
                n.recordedBy());
    }

    public void insert(String urn, Alternative a) {
        db.update(
                """
                INSERT INTO biometric_alternative (school_urn, alternative_id, pupil_id, purpose_code, alternative, offered_on,
                    recorded_at, recorded_by)
                VALUES (?, ?::uuid, ?, ?, ?, ?, ?, ?)
                """,
                urn,
                a.alternativeId(),
                a.pupilId(),
                a.purpose(),
                a.alternative(),
                a.offeredOn(),
                a.recordedAt(),
                a.recordedBy());
    }

    public void insert(String urn, TemplateDeletion t) {
        db.update("""
                INSERT INTO biometric_template_deletion (school_urn, task_id, pupil_id, purpose_code, decision_id, reason, raised_at)
                VALUES (?, ?::uuid, ?, ?, ?::uuid, ?, ?)
                """, urn, t.taskId(), t.pupilId(), t.purpose(), t.decisionId(), t.reason(), t.raisedAt());
    }

    /** Every notice about some pupils, oldest first. */
    public List<Notice> notices(String urn, Collection<String> pupilIds) {
        return db.list("""
                SELECT notice_id, pupil_id, purpose_code, guardian_id, outcome, notice_date, evidence_ref, recorded_at, recorded_by
                FROM biometric_notice WHERE school_urn = ? AND pupil_id = ANY (?) ORDER BY recorded_at, notice_id
                """, BiometricQueries::notice, urn, pupilIds);
    }

    /**
     * For each pupil and purpose ({@code pupilId + "\0" + purpose}) of these purposes, the latest outcome recorded per
     * guardian: only the latest row per guardian is read.
     */
    public Map<String, Map<String, NoticeOutcome>> latestNotices(
            String urn, Collection<String> pupilIds, Collection<String> purposes) {
        Map<String, Map<String, NoticeOutcome>> latest = new HashMap<>();
        if (pupilIds.isEmpty() || purposes.isEmpty()) {
            return latest;
        }
        db.list(
                """
                SELECT DISTINCT ON (pupil_id, purpose_code, guardian_id) pupil_id, purpose_code, guardian_id, outcome
                FROM biometric_notice WHERE school_urn = ? AND pupil_id = ANY (?) AND purpose_code = ANY (?)
                ORDER BY pupil_id, purpose_code, guardian_id, recorded_at DESC, notice_id DESC
                """,
                rs -> latest.computeIfAbsent(
                                rs.getString("pupil_id") + "\u0000" + rs.getString("purpose_code"),
                                k -> new LinkedHashMap<>())
                        .put(rs.getString("guardian_id"), NoticeOutcome.valueOf(rs.getString("outcome"))),
                urn,
                pupilIds,
                purposes);
        return latest;
    }

    public List<Alternative> alternatives(String urn, String pupilId) {
        return db.list(
                """
                SELECT alternative_id, pupil_id, purpose_code, alternative, offered_on, recorded_at, recorded_by
                FROM biometric_alternative WHERE school_urn = ? AND pupil_id = ? ORDER BY recorded_at, alternative_id
                """,
                rs -> new Alternative(
                        rs.getString("alternative_id"),
                        rs.getString("pupil_id"),
                        rs.getString("purpose_code"),
                        rs.getString("alternative"),
                        Jdbc.date(rs, "offered_on"),
                        Jdbc.instant(rs, "recorded_at"),
                        rs.getString("recorded_by")),
                urn,
                pupilId);
    }

    public List<TemplateDeletion> templateDeletions(String urn, String pupilId) {
        return db.list(
                """
                SELECT task_id, pupil_id, purpose_code, decision_id, reason, raised_at
                FROM biometric_template_deletion WHERE school_urn = ? AND pupil_id = ? ORDER BY raised_at, task_id
                """,
                rs -> new TemplateDeletion(
                        rs.getString("task_id"),
                        rs.getString("pupil_id"),
                        rs.getString("purpose_code"),
                        rs.getString("decision_id"),
                        rs.getString("reason"),
                        Jdbc.instant(rs, "raised_at")),
                urn,
                pupilId);
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        return new Notice(
                rs.getString("notice_id"),
                rs.getString("pupil_id"),
                rs.getString("purpose_code"),
                rs.getString("guardian_id"),
                NoticeOutcome.valueOf(rs.getString("outcome")),
                Jdbc.date(rs, "notice_date"),
                rs.getString("evidence_ref"),
                Jdbc.instant(rs, "recorded_at"),
                rs.getString("recorded_by"));
    }
}
