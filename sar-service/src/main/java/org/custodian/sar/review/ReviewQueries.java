package org.custodian.sar.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.sar.review.ThirdPartyRules.Category;

/** Persistence of the review items of each assembled response. */
@ApplicationScoped
public class ReviewQueries {

    private static final String COLUMNS =
            "id, ordinal, item_key, category, matched_text, field, detail, restricted, sources, pointers,"
                    + " state, exemption, reason, redacted_text, decided_by, decided_role, decided_at";

    private final Jdbc sql;

    @Inject
    public ReviewQueries(Jdbc sql) {
        this.sql = sql;
    }

    /** Replaces a response's items by those of its new assembly (items no longer found go). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(String urn, UUID requestId, List<ReviewItem> items) {
        sql.update(
                "DELETE FROM bundle_review_item WHERE school_urn = ? AND request_id = ? AND NOT (item_key = ANY (?))",
                urn,
                requestId,
                Jdbc.texts(items.stream().map(ReviewItem::key).toList()));
        List<Object[]> rows = new ArrayList<>();
        for (ReviewItem i : items) {
            rows.add(new Object[] {
                urn,
                requestId,
                i.id(),
                i.key(),
                i.ordinal(),
                i.category().name(),
                i.text(),
                i.field(),
                i.detail(),
                i.restricted(),
                Jdbc.texts(i.sources()),
                Jdbc.texts(i.pointers()),
                i.state().name(),
                i.exemption() == null ? null : i.exemption().name(),
                i.reason(),
                i.redactedText(),
                i.decidedBy(),
                i.decidedRole(),
                i.decidedAt() == null ? null : OffsetDateTime.ofInstant(i.decidedAt(), ZoneOffset.UTC)
            });
        }
        sql.batch("""
                INSERT INTO bundle_review_item (school_urn, request_id, id, item_key, ordinal, category, matched_text, field, detail,
                    restricted, sources, pointers, state, exemption, reason, redacted_text, decided_by, decided_role, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_urn, request_id, item_key) DO UPDATE SET ordinal = excluded.ordinal, field = excluded.field,
                    detail = excluded.detail, restricted = excluded.restricted, sources = excluded.sources, pointers = excluded.pointers,
                    state = excluded.state, exemption = excluded.exemption, reason = excluded.reason,
                    redacted_text = excluded.redacted_text, decided_by = excluded.decided_by, decided_role = excluded.decided_role,
                    decided_at = excluded.decided_at
                """, rows);
    }

    /** Every item of a response, in the order they first appear in it. */
    @Transactional
    public List<ReviewItem> all(String urn, UUID requestId) {
        return sql.list(
                "SELECT " + COLUMNS
                        + " FROM bundle_review_item WHERE school_urn = ? AND request_id = ? ORDER BY ordinal",
                ReviewQueries::map,
                urn,
                requestId);
    }

    /** A page of a response's items, optionally in one state. */
    @Transactional
    public Page<ReviewItem> page(String urn, UUID requestId, ReviewState state, PageRequest page) {
        long after = page.isFirst() ? -1 : page.afterLong(0);
        List<ReviewItem> rows = state == null
                ? sql.list(
                        "SELECT " + COLUMNS
                                + " FROM bundle_review_item WHERE school_urn = ? AND request_id = ? AND ordinal > ?"
                                + " ORDER BY ordinal LIMIT ?",
                        ReviewQueries::map,
                        urn,
                        requestId,
                        after,
                        page.fetchSize())
                : sql.list(
                        "SELECT " + COLUMNS
                                + " FROM bundle_review_item WHERE school_urn = ? AND request_id = ? AND ordinal > ?"
                                + " AND state = ? ORDER BY ordinal LIMIT ?",
                        ReviewQueries::map,
                        urn,
                        requestId,
                        after,
                        state.name(),
                        page.fetchSize());
        return Page.fromRows(rows, page, i -> List.of(Integer.toString(i.ordinal())));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReviewItem> find(String urn, UUID requestId, UUID itemId) {
        return sql.one(
                "SELECT " + COLUMNS
                        + " FROM bundle_review_item WHERE school_urn = ? AND request_id = ? AND id = ? FOR UPDATE",
                ReviewQueries::map,
                urn,
                requestId,
                itemId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void decide(String urn, UUID requestId, ReviewItem item) {
        sql.update(
                """
                UPDATE bundle_review_item SET state = ?, exemption = ?, reason = ?, redacted_text = ?, decided_by = ?, decided_role = ?,
                    decided_at = ?
                WHERE school_urn = ? AND request_id = ? AND id = ?
                """,
                item.state().name(),
                item.exemption() == null ? null : item.exemption().name(),
                item.reason(),
                item.redactedText(),
                item.decidedBy(),
                item.decidedRole(),
                OffsetDateTime.ofInstant(item.decidedAt(), ZoneOffset.UTC),
                urn,
                requestId,
                item.id());
    }

    /** How many of a response's items wait for the DPO. */
    @Transactional
    public long pending(String urn, UUID requestId) {
        return sql.count(
                "SELECT count(*) FROM bundle_review_item WHERE school_urn = ? AND request_id = ? AND state = 'PENDING'",
                urn,
                requestId);
    }

    private static ReviewItem map(ResultSet r) throws SQLException {
        String exemption = r.getString("exemption");
        return new ReviewItem(
                r.getObject("id", UUID.class),
                r.getInt("ordinal"),
                r.getString("item_key"),
                Category.valueOf(r.getString("category")),
                r.getString("matched_text"),
                r.getString("field"),
                r.getString("detail"),
                r.getBoolean("restricted"),
                Jdbc.strings(r, "sources"),
                Jdbc.strings(r, "pointers"),
                ReviewState.valueOf(r.getString("state")),
                exemption == null ? null : Exemption.valueOf(exemption),
                r.getString("reason"),
                r.getString("redacted_text"),
                r.getString("decided_by"),
                r.getString("decided_role"),
                Jdbc.instant(r, "decided_at"));
    }
}
