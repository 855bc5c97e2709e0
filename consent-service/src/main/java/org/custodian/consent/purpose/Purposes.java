package org.custodian.consent.purpose;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.consent.support.Events;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.problems.Problems;

/** A school's catalogue of consent purposes and every wording each one had. */
@ApplicationScoped
public class Purposes {

    private static final String SELECT = """
            SELECT p.code, p.title, p.kind, p.data_categories, p.validity, p.current_version, p.reconsent_from, v.wording
            FROM purpose p JOIN purpose_version v
              ON v.school_urn = p.school_urn AND v.code = p.code AND v.version = p.current_version
            """;

    private final Jdbc db;
    private final Outbox outbox;
    private final Event<PurposeReworded> reworded;

    @Inject
    public Purposes(Jdbc db, Outbox outbox, Event<PurposeReworded> reworded) {
        this.db = db;
        this.outbox = outbox;
        this.reworded = reworded;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void seedDefaults(String urn) {
        for (Purpose purpose : DefaultPurposes.ALL) {
            insert(urn, purpose, "system");
        }
    }

    public List<Purpose> list(String urn) {
        return db.list(SELECT + " WHERE p.school_urn = ? ORDER BY p.code", Purposes::map, urn);
    }

    public Optional<Purpose> find(String urn, String code) {
        return db.one(SELECT + " WHERE p.school_urn = ? AND p.code = ?", Purposes::map, urn, code);
    }

    /** The purposes named, by code; an unknown code is a 400 naming the field. */
    public Map<String, Purpose> require(String urn, Collection<String> codes, String field) {
        Map<String, Purpose> found =
                db.list(SELECT + " WHERE p.school_urn = ? AND p.code = ANY (?)", Purposes::map, urn, codes).stream()
                        .collect(Collectors.toMap(Purpose::code, Function.identity()));
        List<String> unknown =
                codes.stream().filter(c -> !found.containsKey(c)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw Problems.invalid(
                    field,
                    "unknown purpose code" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                            + " (see GET /api/v1/schools/{urn}/purposes)");
        }
        return found;
    }

    public List<PurposeVersion> versions(String urn, String code) {
        return db.list(
                """
                SELECT version, title, wording, requires_reconsent, created_at, created_by
                FROM purpose_version WHERE school_urn = ? AND code = ? ORDER BY version
                """,
                rs -> new PurposeVersion(
                        rs.getInt("version"),
                        rs.getString("title"),
                        rs.getString("wording"),
                        rs.getBoolean("requires_reconsent"),
                        Jdbc.instant(rs, "created_at"),
                        rs.getString("created_by")),
                urn,
                code);
    }

    public boolean versionExists(String urn, String code, int version) {
        return db.one(
                        "SELECT 1 FROM purpose_version WHERE school_urn = ? AND code = ? AND version = ?",
                        rs -> true,
                        urn,
                        code,
                        version)
                .isPresent();
    }

    @Transactional
    public Purpose create(String urn, PurposeRequest request, String createdBy) {
        if (find(urn, request.code()).isPresent()) {
            throw Problems.conflict("purpose " + request.code() + " exists already; add a version to reword it");
        }
        insert(
                urn,
                new Purpose(
                        request.code(),
                        request.title(),
                        request.kind(),
                        request.dataCategories(),
                        request.validity(),
                        1,
                        1,
                        request.wording()),
                createdBy);
        return find(urn, request.code()).orElseThrow();
    }

    /** A new wording; with {@code requiresReconsent} grants to older wordings stop counting. */
    @Transactional
    public Purpose reword(Purpose current, String urn, RewordRequest request, String createdBy) {
        int version = current.currentVersion() + 1;
        String title = request.title() == null ? current.title() : request.title();
        db.update("""
                INSERT INTO purpose_version (school_urn, code, version, title, wording, requires_reconsent, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, urn, current.code(), version, title, request.wording(), request.requiresReconsent(), createdBy);
        db.update(
                "UPDATE purpose SET title = ?, current_version = ?, reconsent_from = ? WHERE school_urn = ? AND code = ?",
                title,
                version,
                request.requiresReconsent() ? version : current.reconsentFrom(),
                urn,
                current.code());
        outbox.append(Events.aboutPurpose(
                EventTypes.PURPOSE_REWORDED,
                urn,
                current.code(),
                new ConsentEvents.Reworded(
                        current.code(),
                        version,
                        request.requiresReconsent(),
                        current.kind().name())));
        if (request.requiresReconsent()) {
            reworded.fire(new PurposeReworded(urn, current.code()));
        }
        return find(urn, current.code()).orElseThrow();
    }

    private void insert(String urn, Purpose purpose, String createdBy) {
        db.update(
                """
                INSERT INTO purpose (school_urn, code, title, kind, data_categories, validity, current_version, reconsent_from)
                VALUES (?, ?, ?, ?, ?::text[], ?, 1, 1)
                """,
                urn,
                purpose.code(),
                purpose.title(),
                purpose.kind(),
                new ArrayList<>(purpose.dataCategories()),
                purpose.validity());
        db.update("""
                INSERT INTO purpose_version (school_urn, code, version, title, wording, requires_reconsent, created_by)
                VALUES (?, ?, 1, ?, ?, false, ?)
                """, urn, purpose.code(), purpose.title(), purpose.wording(), createdBy);
    }

    private static Purpose map(ResultSet rs) throws SQLException {
        return new Purpose(
                rs.getString("code"),
                rs.getString("title"),
                PurposeKind.valueOf(rs.getString("kind")),
                Jdbc.strings(rs, "data_categories"),
                rs.getString("validity"),
                rs.getInt("current_version"),
                rs.getInt("reconsent_from"),
                rs.getString("wording"));
    }
}
