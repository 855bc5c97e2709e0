package org.custodian.consent.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.custodian.platform.calendar.Nation;
import org.custodian.platform.calendar.Region;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A school's profile and the settings the other services keep a copy of. Never an API body: see {@link SchoolView}. */
@Entity
@Table(name = "school")
public class School {

    public static final int DEFAULT_COMPETENCE_AGE = 13;

    @Id
    @Column(length = 6)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String urn;

    private String name;

    @Enumerated(EnumType.STRING)
    private SchoolType type;

    @Enumerated(EnumType.STRING)
    private Region region;

    @Enumerated(EnumType.STRING)
    private Nation nation;

    @Column(name = "dpo_name")
    private String dpoName;

    @Column(name = "dpo_email")
    private String dpoEmail;

    @Column(name = "competence_age")
    private int competenceAge;

    @Column(name = "conflict_policy")
    @Enumerated(EnumType.STRING)
    private ConflictPolicy conflictPolicy;

    @Version
    private long version;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected School() {}

    private School(String urn, String name, String dpoName, String dpoEmail) {
        this.urn = urn;
        this.name = name;
        this.type = SchoolType.MAINTAINED;
        this.region = Region.ENGLAND_AND_WALES;
        this.nation = Nation.ENGLAND;
        this.dpoName = dpoName;
        this.dpoEmail = dpoEmail;
        this.competenceAge = DEFAULT_COMPETENCE_AGE;
        this.conflictPolicy = ConflictPolicy.MOST_RESTRICTIVE;
        this.version = 1;
    }

    /** The profile a school starts with on first use; the demo school's values come from its privacy notice. */
    public static School defaults(String urn) {
        if (urn.equals("100001")) {
            return new School(
                    urn, "Cassiobury Infant School", "Carole, School DPO Service", "carole@schoolDPOservice.com");
        }
        return new School(urn, "School " + urn, null, null);
    }

    /**
     * Replaces the profile with the DPO's (the version moves on when the change is flushed); answers whether a setting
     * the consent statuses depend on (the conflict policy, the competence age in effect) changed. A request without a
     * nation takes the one its region implies.
     */
    public boolean replace(SchoolRequest request, Instant at) {
        Nation newNation = request.nation() != null ? request.nation() : Nation.of(request.region());
        boolean rulesChanged = request.conflictPolicy() != conflictPolicy
                || newNation.competenceAge(request.competenceAge()) != effectiveCompetenceAge();
        this.name = request.name();
        this.type = request.type();
        this.region = request.region();
        this.nation = newNation;
        this.dpoName = request.dpoName();
        this.dpoEmail = request.dpoEmail();
        this.competenceAge = request.competenceAge();
        this.conflictPolicy = request.conflictPolicy();
        this.updatedAt = at;
        return rulesChanged;
    }

    public String urn() {
        return urn;
    }

    public String name() {
        return name;
    }

    public SchoolType type() {
        return type;
    }

    public Region region() {
        return region;
    }

    public String dpoName() {
        return dpoName;
    }

    public String dpoEmail() {
        return dpoEmail;
    }

    public Nation nation() {
        return nation;
    }

    /** The school's setting, as the DPO made it; the rules use {@link #effectiveCompetenceAge()}. */
    public int competenceAge() {
        return competenceAge;
    }

    /** The age from which a pupil answers for themself here: the setting, or 12 in Scotland ({@link Nation}). */
    public int effectiveCompetenceAge() {
        return nation.competenceAge(competenceAge);
    }

    public ConflictPolicy conflictPolicy() {
        return conflictPolicy;
    }

    public long version() {
        return version;
    }
}
