package org.custodian.retention.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a school's own rule for a record class: an override of an IRMS default or a class the school added.
 * Versions are only ever added; the highest version of a code is the one in force.
 */
@Entity
@Table(name = "schedule_rule")
@IdClass(ScheduleRule.Key.class)
public class ScheduleRule {

    /** The school-scoped key of a version. */
    public static class Key implements Serializable {
        String schoolUrn;
        String classCode;
        int version;

        protected Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(schoolUrn, k.schoolUrn)
                    && Objects.equals(classCode, k.classCode)
                    && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolUrn, classCode, version);
        }
    }

    @Id
    @Column(name = "school_urn", length = 6)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String schoolUrn;

    @Id
    @Column(name = "class_code")
    private String classCode;

    @Id
    private int version;

    @Enumerated(EnumType.STRING)
    private ScheduledClass.Origin origin;

    private String description;

    @Column(name = "trigger_event")
    @Enumerated(EnumType.STRING)
    private Trigger trigger;

    private String period;

    @Enumerated(EnumType.STRING)
    private DisposalAction action;

    @Enumerated(EnumType.STRING)
    private LegalBasis basis;

    private String citation;

    @Column(name = "consent_purposes")
    private String[] consentPurposes;

    private String[] categories;

    @Column(name = "review_on_leaving")
    private boolean reviewOnLeaving;

    @Column(name = "until_pupil_age")
    private Integer untilPupilAge;

    private String note;

    @Column(name = "transfer_on_leaving")
    private boolean transferOnLeaving;

    @Column(name = "change_reason")
    private String changeReason;

    @Column(name = "changed_by")
    private String changedBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    protected ScheduleRule() {}

    /** The school's version of a class, as it will be stored. */
    public static ScheduleRule of(String schoolUrn, ScheduledClass scheduled) {
        RetentionRule rule = scheduled.rule();
        ScheduleRule row = new ScheduleRule();
        row.schoolUrn = schoolUrn;
        row.classCode = rule.code();
        row.version = scheduled.version();
        row.origin = scheduled.origin();
        row.description = rule.description();
        row.trigger = rule.trigger();
        row.period = rule.period().toString();
        row.action = rule.action();
        row.basis = rule.basis();
        row.citation = rule.citation();
        row.consentPurposes = rule.consentPurposes().toArray(String[]::new);
        row.categories = rule.categories().toArray(String[]::new);
        row.reviewOnLeaving = rule.reviewOnLeaving();
        row.untilPupilAge = rule.untilPupilAge();
        row.note = rule.note();
        row.transferOnLeaving = rule.transferOnLeaving();
        row.changeReason = scheduled.changeReason();
        row.changedBy = scheduled.changedBy();
        row.changedAt = scheduled.changedAt();
        return row;
    }

    /** The class as this version states it. */
    public ScheduledClass scheduledClass() {
        return new ScheduledClass(
                new RetentionRule(
                        classCode,
                        description,
                        trigger,
                        Period.parse(period),
                        action,
                        basis,
                        citation,
                        consentPurposes == null ? List.of() : List.of(consentPurposes),
                        categories == null ? List.of() : List.of(categories),
                        reviewOnLeaving,
                        untilPupilAge,
                        note,
                        transferOnLeaving),
                origin,
                version,
                changedBy,
                changedAt,
                changeReason);
    }

    public String classCode() {
        return classCode;
    }
}
