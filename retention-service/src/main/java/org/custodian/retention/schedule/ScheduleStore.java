package org.custodian.retention.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.platform.jdbc.Jdbc;

/** A school's schedule: the IRMS defaults overlaid with the school's own versions (table {@code schedule_rule}). */
@ApplicationScoped
public class ScheduleStore {

    private static final String COLUMNS = """
            class_code, version, origin, description, trigger_event, period, action, basis, citation,
            consent_purposes, categories, review_on_leaving, until_pupil_age, note, change_reason, changed_by, changed_at
            """;

    private final Jdbc sql;

    @Inject
    public ScheduleStore(Jdbc sql) {
        this.sql = sql;
    }

    /** Every class in force for the school, IRMS rows first in toolkit order, then the school's own by code. */
    public Map<String, ScheduledClass> current(String urn) {
        Map<String, ScheduledClass> classes = new LinkedHashMap<>();
        IrmsSchedule.rules().forEach(rule -> classes.put(rule.code(), ScheduledClass.irms(rule)));
        sql.list(
                        "SELECT DISTINCT ON (class_code) " + COLUMNS + " FROM schedule_rule WHERE school_urn = ? "
                                + "ORDER BY class_code, version DESC",
                        ScheduleStore::read,
                        urn)
                .forEach(c -> classes.put(c.rule().code(), c));
        return classes;
    }

    public Optional<ScheduledClass> current(String urn, String code) {
        Optional<ScheduledClass> own = sql.one(
                "SELECT " + COLUMNS + " FROM schedule_rule WHERE school_urn = ? AND class_code = ? "
                        + "ORDER BY version DESC LIMIT 1",
                ScheduleStore::read,
                urn,
                code);
        return own.isPresent() ? own : IrmsSchedule.rule(code).map(ScheduledClass::irms);
    }

    /** Every version of a class, newest first (the IRMS default, if any, is version 0). */
    public List<ScheduledClass> versions(String urn, String code) {
        List<ScheduledClass> versions = new ArrayList<>(sql.list(
                "SELECT " + COLUMNS
                        + " FROM schedule_rule WHERE school_urn = ? AND class_code = ? ORDER BY version DESC",
                ScheduleStore::read,
                urn,
                code));
        IrmsSchedule.rule(code).map(ScheduledClass::irms).ifPresent(versions::add);
        return versions;
    }

    /** Stores a new version; the primary key refuses a version another request stored first. */
    public void save(String urn, ScheduledClass version) {
        RetentionRule rule = version.rule();
        sql.update(
                """
                        INSERT INTO schedule_rule (school_urn, class_code, version, origin, description, trigger_event, period,
                            action, basis, citation, consent_purposes, categories, review_on_leaving, until_pupil_age, note,
                            change_reason, changed_by, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?)
                        """,
                urn,
                rule.code(),
                version.version(),
                version.origin(),
                rule.description(),
                rule.trigger(),
                rule.period().toString(),
                rule.action(),
                rule.basis(),
                rule.citation(),
                Jdbc.texts(rule.consentPurposes()),
                Jdbc.texts(rule.categories()),
                rule.reviewOnLeaving(),
                rule.untilPupilAge(),
                rule.note(),
                version.changeReason(),
                version.changedBy(),
                version.changedAt());
    }

    private static ScheduledClass read(ResultSet row) throws SQLException {
        Integer age = (Integer) row.getObject("until_pupil_age");
        RetentionRule rule = new RetentionRule(
                row.getString("class_code"),
                row.getString("description"),
                Trigger.valueOf(row.getString("trigger_event")),
                Period.parse(row.getString("period")),
                DisposalAction.valueOf(row.getString("action")),
                LegalBasis.valueOf(row.getString("basis")),
                row.getString("citation"),
                Jdbc.strings(row, "consent_purposes"),
                Jdbc.strings(row, "categories"),
                row.getBoolean("review_on_leaving"),
                age,
                row.getString("note"));
        return new ScheduledClass(
                rule,
                ScheduledClass.Origin.valueOf(row.getString("origin")),
                row.getInt("version"),
                row.getString("changed_by"),
                Jdbc.instant(row, "changed_at"),
                row.getString("change_reason"));
    }
}
