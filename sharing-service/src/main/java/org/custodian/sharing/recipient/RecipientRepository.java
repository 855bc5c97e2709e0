package org.custodian.sharing.recipient;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.support.NamePages;

@ApplicationScoped
public class RecipientRepository {

    private static final String COLUMNS =
            "id, school_urn, name, kind, sector, country, contact, contract_reference, description, "
                    + "status, seeded, version, created_at, updated_at";

    private final Jdbc jdbc;

    RecipientRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Recipient r) {
        jdbc.update(
                "INSERT INTO recipient (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(),
                r.schoolUrn(),
                r.name(),
                r.kind(),
                r.sector(),
                r.country(),
                r.contact(),
                r.contractReference(),
                r.description(),
                r.status(),
                r.seeded(),
                r.version(),
                r.createdAt(),
                r.updatedAt());
    }

    /** Writes the new state if the stored version is still {@code expectedVersion}; false when it moved on. */
    public boolean update(Recipient r, long expectedVersion) {
        return jdbc.update(
                        """
                UPDATE recipient SET name = ?, kind = ?, sector = ?, country = ?, contact = ?, contract_reference = ?,
                       description = ?, status = ?, version = ?, updated_at = ?
                WHERE school_urn = ? AND id = ? AND version = ?
                """,
                        r.name(),
                        r.kind(),
                        r.sector(),
                        r.country(),
                        r.contact(),
                        r.contractReference(),
                        r.description(),
                        r.status(),
                        r.version(),
                        r.updatedAt(),
                        r.schoolUrn(),
                        r.id(),
                        expectedVersion)
                == 1;
    }

    public Optional<Recipient> find(String urn, UUID id) {
        return jdbc.one(
                "SELECT " + COLUMNS + " FROM recipient WHERE school_urn = ? AND id = ?",
                RecipientRepository::map,
                urn,
                id);
    }

    /** Locks the recipient row for the rest of the transaction (a decision reads a status no one changes meanwhile). */
    public Optional<Recipient> findForShare(String urn, UUID id) {
        return jdbc.one(
                "SELECT " + COLUMNS + " FROM recipient WHERE school_urn = ? AND id = ? FOR SHARE",
                RecipientRepository::map,
                urn,
                id);
    }

    public Page<Recipient> page(
            String urn, Recipient.Status status, Recipient.Kind kind, Sector sector, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM recipient WHERE school_urn = ?");
        List<Object> params = new ArrayList<>(List.of(urn));
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        if (kind != null) {
            sql.append(" AND kind = ?");
            params.add(kind);
        }
        if (sector != null) {
            sql.append(" AND sector = ?");
            params.add(sector);
        }
        return NamePages.page(jdbc, sql, params, page, RecipientRepository::map, Recipient::name, Recipient::id);
    }

    static Recipient map(ResultSet row) throws SQLException {
        return new Recipient(
                row.getObject("id", UUID.class),
                row.getString("school_urn"),
                row.getString("name"),
                Recipient.Kind.valueOf(row.getString("kind")),
                Sector.valueOf(row.getString("sector")),
                row.getString("country"),
                row.getString("contact"),
                row.getString("contract_reference"),
                row.getString("description"),
                Recipient.Status.valueOf(row.getString("status")),
                row.getBoolean("seeded"),
                row.getLong("version"),
                Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "updated_at"));
    }
}
