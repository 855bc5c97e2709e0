package org.custodian.consent.roster;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.consent.roster.Guardian.Link;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;

/** The SQL of the roster: pupils, guardians and their links, read and written in batches. */
@ApplicationScoped
public class RosterQueries {

    private static final String PUPIL_COLUMNS =
            "pupil_id, given_name, family_name, date_of_birth, year_group, admission_date, leaving_date, upn, destination_urn,"
                    + " version";

    private final Jdbc db;

    public RosterQueries(Jdbc db) {
        this.db = db;
    }

    /**
     * Rows of (given name, family name, date of birth, year group, admission date, leaving date, UPN, destination URN,
     * urn, id).
     */
    public void insertPupils(List<Object[]> rows) {
        db.batch("""
                INSERT INTO pupil (given_name, family_name, date_of_birth, year_group, admission_date, leaving_date, upn,
                                   destination_urn, school_urn, pupil_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    /** Rows as for {@link #insertPupils}. */
    public void updatePupils(List<Object[]> rows) {
        db.batch("""
                UPDATE pupil SET given_name = ?, family_name = ?, date_of_birth = ?, year_group = ?, admission_date = ?,
                                 leaving_date = ?, upn = ?, destination_urn = ?, version = version + 1, updated_at = now()
                WHERE school_urn = ? AND pupil_id = ?
                """, rows);
    }

    /** Guardians (name, email, urn, id) inserted and updated, links deleted (urn, guardian, pupil) and upserted. */
    public void writeGuardians(
            List<Object[]> inserts, List<Object[]> updates, List<Object[]> linkDeletes, List<Object[]> linkUpserts) {
        db.batch("INSERT INTO guardian (name, email, school_urn, guardian_id) VALUES (?, ?, ?, ?)", inserts);
        db.batch("""
                UPDATE guardian SET name = ?, email = ?, version = version + 1, updated_at = now()
                WHERE school_urn = ? AND guardian_id = ?
                """, updates);
        db.batch("DELETE FROM guardian_link WHERE school_urn = ? AND guardian_id = ? AND pupil_id = ?", linkDeletes);
        db.batch("""
                INSERT INTO guardian_link (school_urn, guardian_id, pupil_id, parental_responsibility, relationship, restricted,
                                           restriction, has_care)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, guardian_id, pupil_id)
                DO UPDATE SET parental_responsibility = EXCLUDED.parental_responsibility, relationship = EXCLUDED.relationship,
                              restricted = EXCLUDED.restricted, restriction = EXCLUDED.restriction, has_care = EXCLUDED.has_care
                """, linkUpserts);
    }

    /** Which of these pupils are on the school's roster. */
    public Set<String> knownPupils(String urn, Collection<String> pupilIds) {
        return new HashSet<>(db.list(
                "SELECT pupil_id FROM pupil WHERE school_urn = ? AND pupil_id = ANY (?)",
                rs -> rs.getString(1),
                urn,
                pupilIds));
    }

    /** Which stored pupils hold these UPNs: UPN to pupil id. */
    public Map<String, String> pupilIdsByUpn(String urn, Collection<String> upns) {
        Map<String, String> byUpn = new HashMap<>();
        if (upns.isEmpty()) {
            return byUpn;
        }
        db.list(
                "SELECT upn, pupil_id FROM pupil WHERE school_urn = ? AND upn = ANY (?) ORDER BY pupil_id",
                rs -> byUpn.putIfAbsent(rs.getString(1), rs.getString(2)),
                urn,
                upns);
        return byUpn;
    }

    /** The pupils on roll on a day (no leaving date, or one not before it), in id order. */
    public List<Pupil> pupilsOnRoll(String urn, LocalDate day) {
        return db.list(
                "SELECT " + PUPIL_COLUMNS
                        + " FROM pupil WHERE school_urn = ? AND (leaving_date IS NULL OR leaving_date >= ?)"
                        + " ORDER BY pupil_id",
                RosterQueries::pupil,
                urn,
                day);
    }

    /** The ids of the guardians with at least one link, other than these. */
    public List<String> linkedGuardiansOtherThan(String urn, Collection<String> guardianIds) {
        return db.list("""
                SELECT DISTINCT guardian_id FROM guardian_link
                WHERE school_urn = ? AND NOT (guardian_id = ANY (?)) ORDER BY guardian_id
                """, rs -> rs.getString(1), urn, guardianIds);
    }

    public Optional<Pupil> pupil(String urn, String pupilId) {
        return db.one(
                "SELECT " + PUPIL_COLUMNS + " FROM pupil WHERE school_urn = ? AND pupil_id = ?",
                RosterQueries::pupil,
                urn,
                pupilId);
    }

    public Map<String, Pupil> pupilsById(String urn, Collection<String> ids) {
        Map<String, Pupil> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        db.list(
                        "SELECT " + PUPIL_COLUMNS + " FROM pupil WHERE school_urn = ? AND pupil_id = ANY (?)",
                        RosterQueries::pupil,
                        urn,
                        ids)
                .forEach(p -> byId.put(p.pupilId(), p));
        return byId;
    }

    /**
     * A page of pupils in id order, optionally of one year group, on roll or left; {@code onlyChildrenOf} limits it to
     * the children a guardian holds parental responsibility for, {@code onlyPupil} to one pupil.
     */
    public Page<Pupil> pupils(
            String urn,
            Integer yearGroup,
            RollStatus status,
            LocalDate today,
            String onlyChildrenOf,
            String onlyPupil,
            PageRequest page) {
        StringBuilder sql =
                new StringBuilder("SELECT " + PUPIL_COLUMNS + " FROM pupil WHERE school_urn = ? AND pupil_id > ?");
        List<Object> params = new ArrayList<>(List.of(urn, page.isFirst() ? "" : page.after(0)));
        if (yearGroup != null) {
            sql.append(" AND year_group = ?");
            params.add(yearGroup);
        }
        if (status == RollStatus.ON_ROLL) {
            sql.append(" AND (leaving_date IS NULL OR leaving_date >= ?)");
            params.add(today);
        } else if (status == RollStatus.LEFT) {
            sql.append(" AND leaving_date < ?");
            params.add(today);
        }
        if (onlyChildrenOf != null) {
            sql.append(" AND pupil_id IN (SELECT pupil_id FROM guardian_link WHERE school_urn = pupil.school_urn"
                    + " AND guardian_id = ? AND parental_responsibility)");
            params.add(onlyChildrenOf);
        }
        if (onlyPupil != null) {
            sql.append(" AND pupil_id = ?");
            params.add(onlyPupil);
        }
        sql.append(" ORDER BY pupil_id LIMIT ?");
        params.add(page.fetchSize());
        return Page.fromRows(
                db.list(sql.toString(), RosterQueries::pupil, params.toArray()), page, p -> List.of(p.pupilId()));
    }

    public Optional<Guardian> guardian(String urn, String guardianId) {
        return Optional.ofNullable(guardiansById(urn, List.of(guardianId)).get(guardianId));
    }

    public Map<String, Guardian> guardiansById(String urn, Collection<String> ids) {
        Map<String, List<Link>> links = new HashMap<>();
        db.list(
                """
                SELECT guardian_id, pupil_id, parental_responsibility, relationship, restricted, restriction, has_care
                FROM guardian_link WHERE school_urn = ? AND guardian_id = ANY (?) ORDER BY pupil_id
                """,
                rs -> {
                    links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Link(
                                    rs.getString(2),
                                    rs.getBoolean(3),
                                    Relationship.valueOf(rs.getString(4)),
                                    rs.getBoolean(5),
                                    restriction(rs.getString(6)),
                                    rs.getBoolean(7)));
                    return null;
                },
                urn,
                ids);
        Map<String, Guardian> byId = new HashMap<>();
        db.list(
                        "SELECT guardian_id, name, email, version FROM guardian WHERE school_urn = ? AND guardian_id = ANY (?)",
                        rs -> new Guardian(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                List.copyOf(links.getOrDefault(rs.getString(1), List.of())),
                                rs.getLong(4)),
                        urn,
                        ids)
                .forEach(g -> byId.put(g.guardianId(), g));
        return byId;
    }

    public Page<Guardian> guardians(String urn, PageRequest page) {
        List<String> ids = db.list(
                "SELECT guardian_id FROM guardian WHERE school_urn = ? AND guardian_id > ? ORDER BY guardian_id LIMIT ?",
                rs -> rs.getString(1),
                urn,
                page.isFirst() ? "" : page.after(0),
                page.fetchSize());
        Map<String, Guardian> byId = guardiansById(urn, ids);
        return Page.fromRows(ids.stream().map(byId::get).toList(), page, g -> List.of(g.guardianId()));
    }

    /** The guardians linked to a pupil, with or without parental responsibility, restricted or not. */
    public List<GuardianOfPupil> guardiansOf(String urn, String pupilId) {
        return db.list(
                """
                SELECT g.guardian_id, g.name, g.email, l.parental_responsibility, l.relationship, l.restricted
                FROM guardian_link l JOIN guardian g ON g.school_urn = l.school_urn AND g.guardian_id = l.guardian_id
                WHERE l.school_urn = ? AND l.pupil_id = ? ORDER BY g.guardian_id
                """,
                rs -> new GuardianOfPupil(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        Relationship.valueOf(rs.getString(5)),
                        rs.getBoolean(6)),
                urn,
                pupilId);
    }

    private static RestrictionKind restriction(String kind) {
        return kind == null ? null : RestrictionKind.valueOf(kind);
    }

    /** One person's link to a child, as the biometric rules need it. */
    public record LinkFacts(
            String guardianId,
            String pupilId,
            Relationship relationship,
            boolean parentalResponsibility,
            boolean hasCare) {}

    /** For each pupil, everyone linked to them (restricted or not), with the facts the biometric rules need. */
    public Map<String, List<LinkFacts>> linksOf(String urn, Collection<String> pupilIds) {
        Map<String, List<LinkFacts>> byPupil = new HashMap<>();
        if (pupilIds.isEmpty()) {
            return byPupil;
        }
        db.list(
                """
                SELECT guardian_id, pupil_id, relationship, parental_responsibility, has_care FROM guardian_link
                WHERE school_urn = ? AND pupil_id = ANY (?) ORDER BY pupil_id, guardian_id
                """,
                rs -> byPupil.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                        .add(new LinkFacts(
                                rs.getString(1),
                                rs.getString(2),
                                Relationship.valueOf(rs.getString(3)),
                                rs.getBoolean(4),
                                rs.getBoolean(5))),
                urn,
                pupilIds);
        return byPupil;
    }

    /** One person's link to one child, if any. */
    public Optional<LinkFacts> link(String urn, String guardianId, String pupilId) {
        return linksOf(urn, List.of(pupilId)).getOrDefault(pupilId, List.of()).stream()
                .filter(l -> l.guardianId().equals(guardianId))
                .findFirst();
    }

    public boolean holdsResponsibility(String urn, String guardianId, String pupilId) {
        return db.one("""
                SELECT 1 FROM guardian_link
                WHERE school_urn = ? AND guardian_id = ? AND pupil_id = ? AND parental_responsibility
                """, rs -> true, urn, guardianId, pupilId).isPresent();
    }

    public Optional<Relationship> relationship(String urn, String guardianId, String pupilId) {
        return db.one(
                "SELECT relationship FROM guardian_link WHERE school_urn = ? AND guardian_id = ? AND pupil_id = ?",
                rs -> Relationship.valueOf(rs.getString(1)),
                urn,
                guardianId,
                pupilId);
    }

    /** The children a guardian holds parental responsibility for. */
    public List<Pupil> childrenOf(String urn, String guardianId) {
        return db.list(
                "SELECT " + PUPIL_COLUMNS.replace("pupil_id", "p.pupil_id") + """
                 FROM pupil p JOIN guardian_link l ON l.school_urn = p.school_urn AND l.pupil_id = p.pupil_id
                WHERE p.school_urn = ? AND l.guardian_id = ? AND l.parental_responsibility ORDER BY p.pupil_id
                """,
                RosterQueries::pupil,
                urn,
                guardianId);
    }

    /** A child linked to a guardian, with or without parental responsibility. */
    public record LinkedChild(Pupil pupil, Relationship relationship, boolean parentalResponsibility) {}

    /** Every child a guardian is linked to, with or without parental responsibility. */
    public List<LinkedChild> linkedChildrenOf(String urn, String guardianId) {
        return db.list(
                "SELECT " + PUPIL_COLUMNS.replace("pupil_id", "p.pupil_id") + """
                , l.relationship, l.parental_responsibility
                 FROM pupil p JOIN guardian_link l ON l.school_urn = p.school_urn AND l.pupil_id = p.pupil_id
                WHERE p.school_urn = ? AND l.guardian_id = ? ORDER BY p.pupil_id
                """,
                rs -> new LinkedChild(
                        pupil(rs),
                        Relationship.valueOf(rs.getString("relationship")),
                        rs.getBoolean("parental_responsibility")),
                urn,
                guardianId);
    }

    private static Pupil pupil(ResultSet rs) throws SQLException {
        return new Pupil(
                rs.getString("pupil_id"),
                rs.getString("given_name"),
                rs.getString("family_name"),
                Jdbc.date(rs, "date_of_birth"),
                rs.getInt("year_group"),
                Jdbc.date(rs, "admission_date"),
                Jdbc.date(rs, "leaving_date"),
                rs.getString("upn"),
                rs.getString("destination_urn"),
                rs.getLong("version"));
    }
}
