package org.custodian.sar.bundle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;

/** Persistence of assembled responses and of the DPO's waivers for missing sources. */
@ApplicationScoped
public class BundleQueries {

    /** A stored response without its PDF. */
    public record Stored(
            UUID requestId,
            Instant assembledAt,
            String assembledBy,
            List<String> missingSources,
            String content,
            int pdfBytes) {}

    private final Jdbc sql;

    @Inject
    public BundleQueries(Jdbc sql) {
        this.sql = sql;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void store(
            String urn, UUID requestId, Instant at, String by, List<String> missing, String content, byte[] pdf) {
        sql.update("""
                INSERT INTO request_bundle (school_urn, request_id, assembled_at, assembled_by, missing_sources, content, pdf)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, request_id) DO UPDATE SET assembled_at = excluded.assembled_at,
                    assembled_by = excluded.assembled_by, missing_sources = excluded.missing_sources, content = excluded.content,
                    pdf = excluded.pdf
                """, urn, requestId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), by, missing, content, pdf);
    }

    /** Replaces the stored PDF (what the requester receives changed with a decision on a review item). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storePdf(String urn, UUID requestId, byte[] pdf) {
        sql.update("UPDATE request_bundle SET pdf = ? WHERE school_urn = ? AND request_id = ?", pdf, urn, requestId);
    }

    @Transactional
    public Optional<Stored> find(String urn, UUID requestId) {
        return sql.one(
                """
                SELECT request_id, assembled_at, assembled_by, missing_sources, content, octet_length(pdf) FROM request_bundle
                WHERE school_urn = ? AND request_id = ?
                """,
                r -> new Stored(
                        r.getObject(1, UUID.class),
                        r.getObject(2, OffsetDateTime.class).toInstant(),
                        r.getString(3),
                        List.of((String[]) r.getArray(4).getArray()),
                        r.getString(5),
                        r.getInt(6)),
                urn,
                requestId);
    }

    @Transactional
    public Optional<byte[]> pdf(String urn, UUID requestId) {
        return sql.one(
                "SELECT pdf FROM request_bundle WHERE school_urn = ? AND request_id = ?",
                r -> r.getBytes(1),
                urn,
                requestId);
    }

    @Transactional
    public List<ResponseContent.Waiver> waivers(String urn, UUID requestId) {
        return sql.list(
                """
                SELECT source, reason, waived_by, waived_at FROM bundle_waiver WHERE school_urn = ? AND request_id = ? ORDER BY source
                """,
                r -> new ResponseContent.Waiver(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getObject(4, OffsetDateTime.class).toInstant()),
                urn,
                requestId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean waive(String urn, UUID requestId, String source, String reason, String by) {
        return sql.update("""
                INSERT INTO bundle_waiver (school_urn, request_id, source, reason, waived_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, request_id, source) DO NOTHING
                """, urn, requestId, source, reason, by) == 1;
    }
}
