package org.custodian.consent.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.consent.roster.Guardian.Link;
import org.custodian.consent.support.Events;
import org.custodian.consent.support.Today;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.platform.problems.Problems;

/**
 * The roster as synced from the MIS: pupils, guardians and who holds parental responsibility for whom. Upserts work
 * in batches and emit events only for real changes.
 */
@ApplicationScoped
public class Roster {

    private static final String PUPIL_COLUMNS =
            "pupil_id, given_name, family_name, date_of_birth, year_group, admission_date, leaving_date, upn, version";

    /** What an upsert of pupils did, and which pupils' consent statuses may have changed with it. */
    public record PupilSync(SyncCounts counts, Set<String> created, Set<String> needRecompute) {}

    /** What an upsert of guardians did, and which pupils' links changed. */
    public record GuardianSync(SyncCounts counts, Set<String> created, Set<String> pupilsWithChangedLinks) {}

    public enum RollStatus {
        ON_ROLL,
        LEFT
    }

    private final Jdbc db;
    private final Outbox outbox;
    private final Today today;
    private final Event<RosterChanged> rosterChanged;

    @Inject
    public Roster(Jdbc db, Outbox outbox, Today today, Event<RosterChanged> changed) {
        this.db = db;
        this.outbox = outbox;
        this.today = today;
        this.rosterChanged = changed;
    }

    // ---- pupils ----------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    public PupilSync upsertPupils(String urn, List<PupilInput> inputs) {
        checkPupils(inputs);
        Map<String, Pupil> existing =
                pupilsById(urn, inputs.stream().map(PupilInput::pupilId).toList());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        Set<String> created = new LinkedHashSet<>();
        Set<String> recompute = new LinkedHashSet<>();
        int unchanged = 0;
        LocalDate day = today.date();
        for (PupilInput p : inputs) {
            Pupil old = existing.get(p.pupilId());
            Object[] row = {
                p.givenName(),
                p.familyName(),
                p.dateOfBirth(),
                p.yearGroup(),
                p.admissionDate(),
                p.leavingDate(),
                p.upn(),
                urn,
                p.pupilId()
            };
            if (old == null) {
                inserts.add(row);
                created.add(p.pupilId());
                events.add(Events.aboutPupil(EventTypes.PUPIL_ENROLLED, urn, p.pupilId(), facts(p, day)));
                if (p.leavingDate() != null) {
                    events.add(Events.aboutPupil(
                            EventTypes.PUPIL_LEFT,
                            urn,
                            p.pupilId(),
                            new RosterEvents.PupilLeft(p.pupilId(), p.leavingDate())));
                }
            } else if (old.sameFactsAs(p)) {
                unchanged++;
            } else {
                updates.add(row);
                boolean left = old.leavingDate() == null && p.leavingDate() != null;
                events.add(
                        left
                                ? Events.aboutPupil(
                                        EventTypes.PUPIL_LEFT,
                                        urn,
                                        p.pupilId(),
                                        new RosterEvents.PupilLeft(p.pupilId(), p.leavingDate()))
                                : Events.aboutPupil(EventTypes.PUPIL_UPDATED, urn, p.pupilId(), facts(p, day)));
                if (!old.dateOfBirth().equals(p.dateOfBirth()) || !Objects.equals(old.leavingDate(), p.leavingDate())) {
                    recompute.add(p.pupilId());
                }
            }
        }
        db.batch("""
                INSERT INTO pupil (given_name, family_name, date_of_birth, year_group, admission_date, leaving_date, upn,
                                   school_urn, pupil_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, inserts);
        db.batch("""
                UPDATE pupil SET given_name = ?, family_name = ?, date_of_birth = ?, year_group = ?, admission_date = ?,
                                 leaving_date = ?, upn = ?, version = version + 1, updated_at = now()
                WHERE school_urn = ? AND pupil_id = ?
                """, updates);
        outbox.appendAll(events);
        if (!recompute.isEmpty()) {
            rosterChanged.fire(new RosterChanged(urn, recompute));
        }
        return new PupilSync(new SyncCounts(inserts.size(), updates.size(), unchanged), created, recompute);
    }

    private static RosterEvents.PupilChanged facts(PupilInput p, LocalDate day) {
        return new RosterEvents.PupilChanged(
                p.pupilId(),
                p.dateOfBirth(),
                p.yearGroup(),
                p.admissionDate(),
                p.leavingDate(),
                p.leavingDate() == null || !day.isAfter(p.leavingDate()));
    }

    private static void checkPupils(List<PupilInput> inputs) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            PupilInput p = inputs.get(i);
            if (p.pupilId() == null) {
                errors.add(new FieldError("pupils[" + i + "].pupilId", "required"));
            } else if (!seen.add(p.pupilId())) {
                errors.add(new FieldError("pupils[" + i + "].pupilId", "appears more than once in this sync"));
            }
            String inconsistency = p.inconsistency();
            if (inconsistency != null) {
                int colon = inconsistency.indexOf(':');
                errors.add(new FieldError(
                        "pupils[" + i + "]." + inconsistency.substring(0, colon), inconsistency.substring(colon + 2)));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors.size() > 20 ? errors.subList(0, 20) : errors);
        }
    }

    public Optional<Pupil> pupil(String urn, String pupilId) {
        return db.one(
                "SELECT " + PUPIL_COLUMNS + " FROM pupil WHERE school_urn = ? AND pupil_id = ?",
                Roster::mapPupil,
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
                        Roster::mapPupil,
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
            params.add(today.date());
        } else if (status == RollStatus.LEFT) {
            sql.append(" AND leaving_date < ?");
            params.add(today.date());
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
                db.list(sql.toString(), Roster::mapPupil, params.toArray()), page, p -> List.of(p.pupilId()));
    }

    // ---- guardians -------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.MANDATORY)
    public GuardianSync upsertGuardians(String urn, List<GuardianInput> inputs) {
        checkGuardians(urn, inputs);
        List<String> ids = inputs.stream().map(GuardianInput::guardianId).toList();
        Map<String, Guardian> existing = guardiansById(urn, ids);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> linkUpserts = new ArrayList<>();
        List<Object[]> linkDeletes = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        Set<String> created = new LinkedHashSet<>();
        Set<String> changedPupils = new LinkedHashSet<>();
        int changed = 0;
        for (GuardianInput g : inputs) {
            Guardian old = existing.get(g.guardianId());
            Map<String, Link> before =
                    old == null ? Map.of() : old.children().stream().collect(Collectors.toMap(Link::pupilId, l -> l));
            Map<String, Link> after = new LinkedHashMap<>();
            g.children()
                    .forEach(c -> after.put(
                            c.pupilId(),
                            new Link(
                                    c.pupilId(),
                                    c.parentalResponsibility(),
                                    c.relationship(),
                                    c.effectivelyRestricted(),
                                    c.restriction())));
            boolean detailsChanged =
                    old == null || !old.name().equals(g.name()) || !Objects.equals(old.email(), g.email());
            boolean linksChanged = !before.equals(after);
            if (old == null) {
                inserts.add(new Object[] {g.name(), g.email(), urn, g.guardianId()});
                created.add(g.guardianId());
            } else if (detailsChanged || linksChanged) {
                updates.add(new Object[] {g.name(), g.email(), urn, g.guardianId()});
                changed++;
            }
            for (Link link : after.values()) {
                if (!link.equals(before.get(link.pupilId()))) {
                    linkUpserts.add(new Object[] {
                        urn,
                        g.guardianId(),
                        link.pupilId(),
                        link.parentalResponsibility(),
                        link.relationship(),
                        link.restrictedNow(),
                        link.restriction() == null ? null : link.restriction().name()
                    });
                    events.add(Events.aboutPupil(
                            EventTypes.GUARDIAN_LINKED,
                            urn,
                            link.pupilId(),
                            linkEvent(g.guardianId(), link, link.parentalResponsibility())));
                    changedPupils.add(link.pupilId());
                }
            }
            for (Link link : before.values()) {
                if (!after.containsKey(link.pupilId())) {
                    linkDeletes.add(new Object[] {urn, g.guardianId(), link.pupilId()});
                    events.add(Events.aboutPupil(
                            EventTypes.GUARDIAN_UNLINKED, urn, link.pupilId(), linkEvent(g.guardianId(), link, false)));
                    changedPupils.add(link.pupilId());
                }
            }
        }
        db.batch("INSERT INTO guardian (name, email, school_urn, guardian_id) VALUES (?, ?, ?, ?)", inserts);
        db.batch("""
                UPDATE guardian SET name = ?, email = ?, version = version + 1, updated_at = now()
                WHERE school_urn = ? AND guardian_id = ?
                """, updates);
        db.batch("DELETE FROM guardian_link WHERE school_urn = ? AND guardian_id = ? AND pupil_id = ?", linkDeletes);
        db.batch("""
                INSERT INTO guardian_link (school_urn, guardian_id, pupil_id, parental_responsibility, relationship, restricted,
                                           restriction)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, guardian_id, pupil_id)
                DO UPDATE SET parental_responsibility = EXCLUDED.parental_responsibility, relationship = EXCLUDED.relationship,
                              restricted = EXCLUDED.restricted, restriction = EXCLUDED.restriction
                """, linkUpserts);
        outbox.appendAll(events);
        if (!changedPupils.isEmpty()) {
            rosterChanged.fire(new RosterChanged(urn, changedPupils));
        }
        return new GuardianSync(
                new SyncCounts(inserts.size(), changed, inputs.size() - inserts.size() - changed),
                created,
                changedPupils);
    }

    private static RosterEvents.GuardianLink linkEvent(String guardianId, Link link, boolean parentalResponsibility) {
        return new RosterEvents.GuardianLink(
                guardianId,
                link.pupilId(),
                parentalResponsibility,
                link.relationship().name(),
                link.restrictedNow(),
                link.restriction() == null ? null : link.restriction().name());
    }

    private void checkGuardians(String urn, List<GuardianInput> inputs) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> referenced = new LinkedHashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            GuardianInput g = inputs.get(i);
            if (g.guardianId() == null) {
                errors.add(new FieldError("guardians[" + i + "].guardianId", "required"));
            } else if (!seen.add(g.guardianId())) {
                errors.add(new FieldError("guardians[" + i + "].guardianId", "appears more than once in this sync"));
            }
            Set<String> children = new HashSet<>();
            for (int j = 0; j < g.children().size(); j++) {
                String pupilId = g.children().get(j).pupilId();
                if (!children.add(pupilId)) {
                    errors.add(new FieldError(
                            "guardians[" + i + "].children[" + j + "].pupilId", "listed twice for this guardian"));
                }
                if (g.children().get(j).contradictsItself()) {
                    errors.add(new FieldError(
                            "guardians[" + i + "].children[" + j + "].restriction",
                            "a restriction kind needs restricted: true (or leave restricted out)"));
                }
                referenced.add(pupilId);
            }
        }
        if (errors.isEmpty() && !referenced.isEmpty()) {
            Set<String> known = new HashSet<>(db.list(
                    "SELECT pupil_id FROM pupil WHERE school_urn = ? AND pupil_id = ANY (?)",
                    rs -> rs.getString(1),
                    urn,
                    referenced));
            for (int i = 0; i < inputs.size() && errors.size() < 20; i++) {
                List<GuardianInput.ChildLink> children = inputs.get(i).children();
                for (int j = 0; j < children.size(); j++) {
                    if (!known.contains(children.get(j).pupilId())) {
                        errors.add(new FieldError(
                                "guardians[" + i + "].children[" + j + "].pupilId",
                                "no pupil " + children.get(j).pupilId() + " on this school's roster"));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors.size() > 20 ? errors.subList(0, 20) : errors);
        }
    }

    public Optional<Guardian> guardian(String urn, String guardianId) {
        return Optional.ofNullable(guardiansById(urn, List.of(guardianId)).get(guardianId));
    }

    public Map<String, Guardian> guardiansById(String urn, Collection<String> ids) {
        Map<String, List<Link>> links = new HashMap<>();
        db.list(
                """
                SELECT guardian_id, pupil_id, parental_responsibility, relationship, restricted, restriction FROM guardian_link
                WHERE school_urn = ? AND guardian_id = ANY (?) ORDER BY pupil_id
                """,
                rs -> {
                    links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Link(
                                    rs.getString(2),
                                    rs.getBoolean(3),
                                    Relationship.valueOf(rs.getString(4)),
                                    rs.getBoolean(5),
                                    restriction(rs.getString(6))));
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

    /** One guardian as seen from a child's record; {@code restricted}: a court order or a contact restriction. */
    public record GuardianOfPupil(
            String guardianId,
            String name,
            String email,
            boolean parentalResponsibility,
            Relationship relationship,
            boolean restricted) {}

    private static RestrictionKind restriction(String kind) {
        return kind == null ? null : RestrictionKind.valueOf(kind);
    }

    /** For each pupil, the guardians who hold parental responsibility for them now. */
    public Map<String, Set<String>> responsibleGuardians(String urn, Collection<String> pupilIds) {
        Map<String, Set<String>> byPupil = new HashMap<>();
        if (pupilIds.isEmpty()) {
            return byPupil;
        }
        db.list(
                """
                SELECT pupil_id, guardian_id FROM guardian_link
                WHERE school_urn = ? AND pupil_id = ANY (?) AND parental_responsibility
                """,
                rs -> byPupil.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(rs.getString(2)),
                urn,
                pupilIds);
        return byPupil;
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
                """, Roster::mapPupil, urn, guardianId);
    }

    private static Pupil mapPupil(ResultSet rs) throws SQLException {
        return new Pupil(
                rs.getString("pupil_id"),
                rs.getString("given_name"),
                rs.getString("family_name"),
                Jdbc.date(rs, "date_of_birth"),
                rs.getInt("year_group"),
                Jdbc.date(rs, "admission_date"),
                Jdbc.date(rs, "leaving_date"),
                rs.getString("upn"),
                rs.getLong("version"));
    }
}
