package org.custodian.sharing.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.sharing.actionkind.ActionDeadline;
import org.custodian.sharing.actionkind.ActionDeadlines;
import org.custodian.sharing.actionkind.ActionKind;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.LawfulBasis;
import org.custodian.sharing.decision.TransferSafeguard;
import org.custodian.sharing.partner.AgreementLookup;
import org.custodian.sharing.support.NamePages;

@ApplicationScoped
public class AgreementRepository implements AgreementLookup {

    private static final String COLUMNS =
            "id, school_urn, recipient_id, name, purposes, data_categories, lawful_basis, "
                    + "consent_purpose, legal_reference, valid_from, valid_to, transfer_country, transfer_safeguard, seeded, "
                    + "action_deadlines, version, created_at, updated_at";

    private final Jdbc jdbc;

    AgreementRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Agreement a) {
        jdbc.update(
                "INSERT INTO agreement (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(),
                a.schoolUrn(),
                a.recipientId(),
                a.name(),
                a.purposes(),
                a.dataCategories(),
                a.lawfulBasis(),
                a.consentPurpose(),
                a.legalReference(),
                a.validFrom(),
                a.validTo(),
                a.transferCountry(),
                a.transferSafeguard(),
                a.seeded(),
                deadlines(a),
                a.version(),
                a.createdAt(),
                a.updatedAt());
    }

    public boolean update(Agreement a, long expectedVersion) {
        return jdbc.update(
                        """
                UPDATE agreement SET name = ?, purposes = ?, data_categories = ?, lawful_basis = ?, consent_purpose = ?,
                       legal_reference = ?, valid_from = ?, valid_to = ?, transfer_country = ?, transfer_safeguard = ?,
                       action_deadlines = ?, version = ?, updated_at = ?
                WHERE school_urn = ? AND id = ? AND version = ?
                """,
                        a.name(),
                        a.purposes(),
                        a.dataCategories(),
                        a.lawfulBasis(),
                        a.consentPurpose(),
                        a.legalReference(),
                        a.validFrom(),
                        a.validTo(),
                        a.transferCountry(),
                        a.transferSafeguard(),
                        deadlines(a),
                        a.version(),
                        a.updatedAt(),
                        a.schoolUrn(),
                        a.id(),
                        expectedVersion)
                == 1;
    }

    public Optional<Agreement> find(String urn, UUID id) {
        return jdbc.one(
                "SELECT " + COLUMNS + " FROM agreement WHERE school_urn = ? AND id = ?",
                AgreementRepository::map,
                urn,
                id);
    }

    public List<Agreement> forRecipient(String urn, UUID recipientId) {
        return jdbc.list(
                "SELECT " + COLUMNS + " FROM agreement WHERE school_urn = ? AND recipient_id = ? ORDER BY id",
                AgreementRepository::map,
                urn,
                recipientId);
    }

    @Override
    public Map<String, Map<ActionKind, ActionDeadline>> deadlines(String urn, Collection<String> ids) {
        Map<String, Map<ActionKind, ActionDeadline>> byId = new HashMap<>();
        jdbc.list(
                "SELECT id::text, action_deadlines FROM agreement WHERE school_urn = ? AND id = ANY(?::uuid[])",
                row -> byId.put(row.getString(1), ActionDeadlines.fromJson(row.getString(2))),
                urn,
                ids);
        return byId;
    }

    @Override
    public List<Ended> endedBefore(LocalDate day, int limit) {
        return jdbc.list(
                """
                SELECT a.school_urn, a.id, a.recipient_id, a.valid_to FROM agreement a
                WHERE a.valid_to < ? AND NOT EXISTS (SELECT 1 FROM agreement_end e WHERE e.school_urn = a.school_urn
                      AND e.agreement_id = a.id AND e.valid_to = a.valid_to)
                ORDER BY a.valid_to, a.school_urn, a.id LIMIT ?
                """,
                row -> new Ended(
                        row.getString(1),
                        row.getObject(2, UUID.class),
                        row.getObject(3, UUID.class),
                        Jdbc.date(row, "valid_to")),
                day,
                limit);
    }

    @Override
    public boolean anyInForceFrom(String urn, UUID recipientId, UUID except, LocalDate day) {
        return jdbc.count("""
                SELECT count(*) FROM agreement
                WHERE school_urn = ? AND recipient_id = ? AND id <> ? AND (valid_to IS NULL OR valid_to >= ?)
                """, urn, recipientId, except, day) > 0;
    }

    public Page<Agreement> page(String urn, UUID recipientId, LawfulBasis basis, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM agreement WHERE school_urn = ?");
        List<Object> params = new ArrayList<>(List.of(urn));
        if (recipientId != null) {
            sql.append(" AND recipient_id = ?");
            params.add(recipientId);
        }
        if (basis != null) {
            sql.append(" AND lawful_basis = ?");
            params.add(basis);
        }
        return NamePages.page(jdbc, sql, params, page, AgreementRepository::map, Agreement::name, Agreement::id);
    }

    private static Jdbc.Json deadlines(Agreement a) {
        return new Jdbc.Json(ActionDeadlines.toJson(a.actionDeadlines()));
    }

    static Agreement map(ResultSet row) throws SQLException {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        Jdbc.strings(row, "data_categories").forEach(c -> categories.add(DataCategory.valueOf(c)));
        String safeguard = row.getString("transfer_safeguard");
        return new Agreement(
                row.getObject("id", UUID.class),
                row.getString("school_urn"),
                row.getObject("recipient_id", UUID.class),
                row.getString("name"),
                new LinkedHashSet<>(Jdbc.strings(row, "purposes")),
                categories,
                LawfulBasis.valueOf(row.getString("lawful_basis")),
                row.getString("consent_purpose"),
                row.getString("legal_reference"),
                row.getObject("valid_from", LocalDate.class),
                row.getObject("valid_to", LocalDate.class),
                row.getString("transfer_country"),
                safeguard == null ? null : TransferSafeguard.valueOf(safeguard),
                ActionDeadlines.fromJson(row.getString("action_deadlines")),
                row.getBoolean("seeded"),
                row.getLong("version"),
                Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "updated_at"));
    }
}
