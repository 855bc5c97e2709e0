package org.custodian.consent.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.custodian.consent.purpose.Purposes;
import org.custodian.consent.support.Events;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.problems.Problems;

/** School profiles: created with defaults (and the default purposes) on first use. */
@ApplicationScoped
public class Schools {

    private static final String COLUMNS =
            "urn, name, type, region, dpo_name, dpo_email, competence_age, conflict_policy, version";

    private final Jdbc db;
    private final Outbox outbox;
    private final Purposes purposes;
    private final Event<SchoolRulesChanged> rulesChanged;

    @Inject
    public Schools(Jdbc db, Outbox outbox, Purposes purposes, Event<SchoolRulesChanged> rulesChanged) {
        this.db = db;
        this.outbox = outbox;
        this.purposes = purposes;
        this.rulesChanged = rulesChanged;
    }

    /** The school, created with its defaults the first time anyone uses it. */
    @Transactional
    public School require(String urn) {
        return find(urn).orElseGet(() -> create(urn));
    }

    public Optional<School> find(String urn) {
        return db.one("SELECT " + COLUMNS + " FROM school WHERE urn = ?", Schools::map, urn);
    }

    private School create(String urn) {
        School school = School.defaults(urn);
        int inserted = db.update(
                """
                INSERT INTO school (urn, name, type, region, dpo_name, dpo_email, competence_age, conflict_policy)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (urn) DO NOTHING
                """,
                urn,
                school.name(),
                school.type(),
                school.region(),
                school.dpoName(),
                school.dpoEmail(),
                school.competenceAge(),
                school.conflictPolicy());
        if (inserted == 1) {
            purposes.seedDefaults(urn);
            announce(school);
        }
        return find(urn).orElseThrow();
    }

    /** Replaces the profile; the caller has checked the version against {@code current}. */
    @Transactional
    public School update(School current, SchoolRequest request) {
        String urn = current.urn();
        int updatedRows = db.update(
                """
                UPDATE school SET name = ?, type = ?, region = ?, dpo_name = ?, dpo_email = ?, competence_age = ?,
                                  conflict_policy = ?, version = version + 1, updated_at = now()
                WHERE urn = ? AND version = ?
                """,
                request.name(),
                request.type(),
                request.region(),
                request.dpoName(),
                request.dpoEmail(),
                request.competenceAge(),
                request.conflictPolicy(),
                urn,
                current.version());
        if (updatedRows == 0) {
            throw Problems.preconditionFailed(
                    "the profile changed while you were updating it; read it again and retry");
        }
        School updated = find(urn).orElseThrow();
        announce(updated);
        if (updated.conflictPolicy() != current.conflictPolicy()
                || updated.competenceAge() != current.competenceAge()) {
            rulesChanged.fire(new SchoolRulesChanged(urn));
        }
        return updated;
    }

    private void announce(School school) {
        outbox.append(Events.aboutSchool(
                EventTypes.SCHOOL_UPDATED,
                school.urn(),
                new RosterEvents.SchoolUpdated(
                        school.urn(),
                        school.name(),
                        school.type().name(),
                        school.region().name(),
                        school.dpoName(),
                        school.dpoEmail(),
                        school.competenceAge(),
                        school.conflictPolicy().name())));
    }

    private static School map(ResultSet rs) throws SQLException {
        return new School(
                rs.getString("urn"),
                rs.getString("name"),
                SchoolType.valueOf(rs.getString("type")),
                Region.valueOf(rs.getString("region")),
                rs.getString("dpo_name"),
                rs.getString("dpo_email"),
                rs.getInt("competence_age"),
                ConflictPolicy.valueOf(rs.getString("conflict_policy")),
                rs.getLong("version"));
    }
}
