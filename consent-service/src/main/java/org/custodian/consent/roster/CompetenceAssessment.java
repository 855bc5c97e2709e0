package org.custodian.consent.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.custodian.platform.events.RosterEvents;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The data protection officer's current assessment of one child's competence to exercise their own data protection
 * rights: from {@code assessedOn} on it decides, either way, whatever the school's competence age says
 * ({@link CompetenceRules}). One per pupil; a new assessment replaces the last (the audit log keeps each). Never an API
 * body: see {@link CompetenceView}.
 */
@Entity
@Table(name = "competence_assessment")
@IdClass(CompetenceAssessment.Key.class)
public class CompetenceAssessment {

    /** The school-scoped key: the pupil. */
    public static class Key implements Serializable {
        String schoolUrn;
        String pupilId;

        protected Key() {}

        public Key(String schoolUrn, String pupilId) {
            this.schoolUrn = schoolUrn;
            this.pupilId = pupilId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolUrn, k.schoolUrn) && Objects.equals(pupilId, k.pupilId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolUrn, pupilId);
        }
    }

    @Id
    @Column(name = "school_urn", length = 6)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String schoolUrn;

    @Id
    @Column(name = "pupil_id")
    private String pupilId;

    private boolean competent;

    @Column(name = "assessed_on")
    private LocalDate assessedOn;

    private String reason;

    @Column(name = "assessed_by")
    private String assessedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected CompetenceAssessment() {}

    /** A pupil's first assessment. */
    public static CompetenceAssessment of(String urn, String pupilId) {
        CompetenceAssessment a = new CompetenceAssessment();
        a.schoolUrn = urn;
        a.pupilId = pupilId;
        return a;
    }

    /** Replaces the assessment with the DPO's new one. */
    public void assess(boolean competent, LocalDate on, String reason, String by, Instant at) {
        this.competent = competent;
        this.assessedOn = on;
        this.reason = reason;
        this.assessedBy = by;
        this.recordedAt = at;
    }

    /** What the roster event carries: the reason and who assessed stay in consent-service. */
    public RosterEvents.CompetenceAssessment asEvent() {
        return new RosterEvents.CompetenceAssessment(competent, assessedOn);
    }

    public String schoolUrn() {
        return schoolUrn;
    }

    public String pupilId() {
        return pupilId;
    }

    public boolean competent() {
        return competent;
    }

    public LocalDate assessedOn() {
        return assessedOn;
    }

    public String reason() {
        return reason;
    }

    public String assessedBy() {
        return assessedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
