package org.custodian.sar.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.InvalidEventException;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.jdbc.Jdbc;

/**
 * The local projection of {@code custodian.roster.v1}: the school profile, pupils (with the DPO's competence
 * assessment, which consent-service owns) and guardian links, for the relationship, age and competence checks of
 * rights requests.
 */
@ApplicationScoped
public class Roster {

    private final Jdbc sql;
    private final Event<SchoolSettingsChanged> settingsChanged;
    private final Clock clock;

    @Inject
    public Roster(Jdbc sql, Event<SchoolSettingsChanged> settingsChanged, Clock clock) {
        this.sql = sql;
        this.settingsChanged = settingsChanged;
        this.clock = clock;
    }

    /** Applies one roster event (in the consumer's transaction); unknown types are ignored (tolerant reader). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        String urn = event.schoolurn();
        if (urn == null) {
            throw new InvalidEventException("roster event " + event.id() + " names no school");
        }
        switch (event.type()) {
            case EventTypes.SCHOOL_UPDATED ->
                school(urn, CloudEventCodec.data(event, RosterEvents.SchoolUpdated.class));
            case EventTypes.PUPIL_ENROLLED, EventTypes.PUPIL_UPDATED ->
                pupil(urn, CloudEventCodec.data(event, RosterEvents.PupilChanged.class));
            case EventTypes.PUPIL_LEFT -> left(urn, CloudEventCodec.data(event, RosterEvents.PupilLeft.class));
            case EventTypes.GUARDIAN_LINKED ->
                link(urn, CloudEventCodec.data(event, RosterEvents.GuardianLink.class), true);
            case EventTypes.GUARDIAN_UNLINKED ->
                link(urn, CloudEventCodec.data(event, RosterEvents.GuardianLink.class), false);
            default -> {
                // another type on the roster topic: nothing this projection keeps
            }
        }
    }

    private void school(String urn, RosterEvents.SchoolUpdated school) {
        String nation = school.nation();
        Optional<SchoolProfile> before = school(urn);
        int competenceAge = school.competenceAge() > 0 ? school.competenceAge() : SchoolProfile.DEFAULT_COMPETENCE_AGE;
        sql.update(
                """
                INSERT INTO school_profile (school_urn, name, school_type, region, competence_age, dpo_name, dpo_email, nation, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_urn) DO UPDATE SET name = excluded.name, school_type = excluded.school_type,
                    region = excluded.region, competence_age = excluded.competence_age, dpo_name = excluded.dpo_name,
                    dpo_email = excluded.dpo_email, nation = excluded.nation, updated_at = excluded.updated_at
                """,
                urn,
                school.name(),
                school.type(),
                school.region(),
                competenceAge,
                school.dpoName(),
                school.dpoEmail(),
                nation,
                updatedAt());
        if (before.isEmpty()
                || !Objects.equals(before.get().region(), school.region())
                || !Objects.equals(before.get().nation(), nation)
                || !Objects.equals(before.get().type(), school.type())) {
            settingsChanged.fire(new SchoolSettingsChanged(urn));
        }
    }

    /**
     * A pupil's facts after the change, with the DPO's current competence assessment: consent-service puts it on every
     * {@code pupil.enrolled} and {@code pupil.updated}, so an event without one (or written before it existed) means
     * none.
     */
    private void pupil(String urn, RosterEvents.PupilChanged pupil) {
        requireId(pupil.pupilId(), "pupilId");
        RosterEvents.CompetenceAssessment competence = pupil.competence();
        if (competence != null && competence.assessedOn() == null) {
            throw new InvalidEventException("roster event with a competence assessment without assessedOn");
        }
        sql.update(
                """
                INSERT INTO roster_pupil (school_urn, pupil_id, date_of_birth, year_group, admission_date, leaving_date, on_roll,
                                          competent, competence_assessed_on, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, pupil_id) DO UPDATE SET date_of_birth = excluded.date_of_birth,
                    year_group = excluded.year_group, admission_date = excluded.admission_date,
                    leaving_date = excluded.leaving_date, on_roll = excluded.on_roll, competent = excluded.competent,
                    competence_assessed_on = excluded.competence_assessed_on, updated_at = excluded.updated_at
                """,
                urn,
                pupil.pupilId(),
                pupil.dateOfBirth(),
                pupil.yearGroup(),
                pupil.admissionDate(),
                pupil.leavingDate(),
                pupil.onRoll(),
                competence == null ? null : competence.competent(),
                competence == null ? null : competence.assessedOn(),
                updatedAt());
    }

    private void left(String urn, RosterEvents.PupilLeft left) {
        requireId(left.pupilId(), "pupilId");
        sql.update("""
                INSERT INTO roster_pupil (school_urn, pupil_id, leaving_date, on_roll, updated_at) VALUES (?, ?, ?, FALSE, ?)
                ON CONFLICT (school_urn, pupil_id) DO UPDATE SET leaving_date = excluded.leaving_date, on_roll = FALSE, updated_at = excluded.updated_at
                """, urn, left.pupilId(), left.leavingDate(), updatedAt());
    }

    /**
     * A link as it is after the change. Whether the person has care of the child (Education Act 1996 s.576: a "parent"
     * for the educational record includes one, e.g. a step-parent the child lives with) comes from the MIS roster sync.
     */
    private void link(String urn, RosterEvents.GuardianLink link, boolean linked) {
        boolean hasCare = link.caresForChild();
        requireId(link.guardianId(), "guardianId");
        requireId(link.pupilId(), "pupilId");
        sql.update(
                """
                INSERT INTO roster_guardian_link (school_urn, guardian_id, pupil_id, parental_responsibility, has_care, relationship, linked,
                                                  restricted, restriction, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, guardian_id, pupil_id) DO UPDATE SET
                    parental_responsibility = excluded.parental_responsibility, has_care = excluded.has_care,
                    relationship = excluded.relationship,
                    linked = excluded.linked, restricted = excluded.restricted, restriction = excluded.restriction, updated_at = excluded.updated_at
                """,
                urn,
                link.guardianId(),
                link.pupilId(),
                link.parentalResponsibility(),
                hasCare,
                link.relationship(),
                linked,
                link.hasRestriction(),
                link.restriction(),
                updatedAt());
    }

    private OffsetDateTime updatedAt() {
        return OffsetDateTime.now(clock);
    }

    /** Someone the roster ever linked to a pupil (linked now or not), with the relationship and whether the link is restricted. */
    public record LinkedGuardian(String guardianId, String relationship, boolean linked, boolean restricted) {}

    /** Everyone the roster ever linked to the pupil: the people a response about the child may mention. */
    public List<LinkedGuardian> guardiansOf(String urn, String pupilId) {
        return sql.list(
                """
                SELECT guardian_id, relationship, linked, restricted FROM roster_guardian_link
                WHERE school_urn = ? AND pupil_id = ? ORDER BY guardian_id
                """,
                r -> new LinkedGuardian(r.getString(1), r.getString(2), r.getBoolean(3), r.getBoolean(4)),
                urn,
                pupilId);
    }

    private static void requireId(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new InvalidEventException("roster event without " + field);
        }
    }

    public Optional<SchoolProfile> school(String urn) {
        return sql.one(
                """
                SELECT school_urn, name, school_type, region, competence_age, dpo_name, dpo_email, nation FROM school_profile WHERE school_urn = ?
                """,
                r -> new SchoolProfile(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getInt(5),
                        r.getString(6),
                        r.getString(7),
                        r.getString(8)),
                urn);
    }

    public SchoolProfile schoolOrDefaults(String urn) {
        return school(urn).orElseGet(() -> SchoolProfile.unknown(urn));
    }

    public Optional<Pupil> pupil(String urn, String pupilId) {
        return sql.one(
                """
                SELECT school_urn, pupil_id, date_of_birth, year_group, leaving_date, on_roll, competent,
                       competence_assessed_on
                FROM roster_pupil WHERE school_urn = ? AND pupil_id = ?
                """,
                r -> new Pupil(
                        r.getString(1),
                        r.getString(2),
                        r.getObject(3, java.time.LocalDate.class),
                        (Integer) r.getObject(4),
                        r.getObject(5, java.time.LocalDate.class),
                        r.getBoolean(6),
                        r.getObject(8, java.time.LocalDate.class) == null
                                ? null
                                : new RosterEvents.CompetenceAssessment(
                                        r.getBoolean(7), r.getObject(8, java.time.LocalDate.class))),
                urn,
                pupilId);
    }

    /** Whether the guardian currently holds parental responsibility for the pupil. */
    public boolean hasParentalResponsibility(String urn, String guardianId, String pupilId) {
        return sql.count("""
                SELECT count(*) FROM roster_guardian_link
                WHERE school_urn = ? AND guardian_id = ? AND pupil_id = ? AND linked AND parental_responsibility
                """, urn, guardianId, pupilId) > 0;
    }

    /**
     * Whether the guardian is the pupil's "parent" in the sense of the Education Act 1996 s.576(1): "any person who is
     * not a parent of his but who has parental responsibility for him, or who has care of him" as well as a parent
     * (here: a current link with parental responsibility or with care of the child). For the educational record.
     */
    public boolean isParentUnderEducationAct(String urn, String guardianId, String pupilId) {
        return sql.count("""
                SELECT count(*) FROM roster_guardian_link
                WHERE school_urn = ? AND guardian_id = ? AND pupil_id = ? AND linked AND (parental_responsibility OR has_care)
                """, urn, guardianId, pupilId) > 0;
    }

    /** Whether the guardian is on the school's roster (linked to any pupil). */
    public boolean isGuardianKnown(String urn, String guardianId) {
        return sql.count(
                        "SELECT count(*) FROM roster_guardian_link WHERE school_urn = ? AND guardian_id = ? AND linked",
                        urn,
                        guardianId)
                > 0;
    }

    public List<String> childrenOf(String urn, String guardianId) {
        return sql.list("""
                SELECT pupil_id FROM roster_guardian_link WHERE school_urn = ? AND guardian_id = ? AND linked AND parental_responsibility
                ORDER BY pupil_id
                """, r -> r.getString(1), urn, guardianId);
    }
}
