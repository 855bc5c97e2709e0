package org.custodian.sharing.override;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.http.Params;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.disclosure.DisclosureEntry;
import org.custodian.sharing.disclosure.DisclosureRepository;
import org.custodian.sharing.support.Columns;

/** The reviews of emergency overrides, read with their disclosure log rows. */
@ApplicationScoped
public class OverrideRepository {

    /** Which overrides a list shows, by review. */
    public enum ReviewFilter {
        /** Waiting for the DPO, overdue ones included. */
        PENDING,
        /** Waiting for the DPO after their last day. */
        OVERDUE,
        /** Answered, justified or not. */
        REVIEWED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The {@code review} query parameter, spelled as the constant or in lower case; null when absent. */
        public static ReviewFilter parse(String value) {
            return Params.enumValue(
                    "review",
                    value != null && value.equals(value.toLowerCase(Locale.ROOT))
                            ? value.toUpperCase(Locale.ROOT)
                            : value,
                    ReviewFilter.class);
        }
    }

    /** An override: its log row and its review. */
    public record Row(DisclosureEntry disclosure, OverrideReview review) {}

    private static final String REVIEW_COLUMNS =
            "r.school_urn, r.recipient_sector, r.authorised_as, r.overridden, r.due_on, r.outcome, "
                    + "r.note, r.reviewed_by, r.reviewed_at, r.overdue_at";
    private static final String FROM = " FROM disclosure_log d JOIN override_review r"
            + " ON r.school_urn = d.school_urn AND r.disclosure_id = d.id";

    private final Jdbc jdbc;
    private final DisclosureRepository log;

    @Inject
    public OverrideRepository(Jdbc jdbc, DisclosureRepository log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    /** Opens the reviews of one request's overrides, in one statement (what each overrode: comma-joined codes). */
    public void insertAll(String urn, List<OverrideReview> reviews) {
        if (reviews.isEmpty()) {
            return;
        }
        jdbc.update(
                """
                INSERT INTO override_review (school_urn, disclosure_id, recipient_sector, authorised_as, overridden, due_on)
                SELECT ?, r.id::uuid, r.sector, r.role, string_to_array(r.overridden, ','), r.due_on::date
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS r(id, sector, role, overridden, due_on)
                """,
                urn,
                Columns.of(reviews, r -> r.disclosureId().toString()),
                Columns.of(reviews, r -> r.recipientSector().name()),
                Columns.of(reviews, OverrideReview::authorisedAs),
                Columns.of(reviews, r -> String.join(",", r.overridden())),
                Columns.of(reviews, r -> r.dueOn().toString()));
    }

    /** A page of the school's overrides, newest first, by the log's filters and by review. */
    public Page<Row> page(
            String urn, DisclosureRepository.Filter filter, ReviewFilter review, LocalDate today, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + DisclosureRepository.LOG_COLUMNS + ", " + REVIEW_COLUMNS
                + FROM + " WHERE d.school_urn = ?");
        List<Object> params = new ArrayList<>(List.of(urn));
        if (review == ReviewFilter.PENDING) {
            sql.append(" AND r.outcome IS NULL");
        } else if (review == ReviewFilter.OVERDUE) {
            sql.append(" AND r.outcome IS NULL AND r.due_on < ?");
            params.add(today);
        } else if (review == ReviewFilter.REVIEWED) {
            sql.append(" AND r.outcome IS NOT NULL");
        }
        return log.page(sql, params, filter, page, OverrideRepository::map, Row::disclosure);
    }

    /** One override, its review locked for the rest of the transaction. */
    public Optional<Row> findForUpdate(String urn, UUID disclosureId) {
        return jdbc.one(
                "SELECT " + DisclosureRepository.LOG_COLUMNS + ", " + REVIEW_COLUMNS + FROM
                        + " WHERE d.school_urn = ? AND d.id = ? FOR UPDATE OF r",
                OverrideRepository::map,
                urn,
                disclosureId);
    }

    public void answer(String urn, UUID disclosureId, ReviewOutcome outcome, String note, String by, Instant at) {
        jdbc.update("""
                UPDATE override_review SET outcome = ?, note = ?, reviewed_by = ?, reviewed_at = ?
                WHERE school_urn = ? AND disclosure_id = ? AND outcome IS NULL
                """, outcome, note, by, at, urn, disclosureId);
    }

    /** Reviews of every school still waiting after their last day and not yet found overdue, oldest first. */
    public List<Row> pastDue(LocalDate today, int limit) {
        return jdbc.list(
                "SELECT " + DisclosureRepository.LOG_COLUMNS + ", " + REVIEW_COLUMNS + FROM
                        + " WHERE r.outcome IS NULL AND r.overdue_at IS NULL AND r.due_on < ?"
                        + " ORDER BY r.due_on, r.school_urn, r.disclosure_id LIMIT ?",
                OverrideRepository::map,
                today,
                limit);
    }

    public void markOverdue(String urn, UUID disclosureId, Instant at) {
        jdbc.update(
                "UPDATE override_review SET overdue_at = ? WHERE school_urn = ? AND disclosure_id = ? AND overdue_at IS NULL",
                at,
                urn,
                disclosureId);
    }

    static Row map(ResultSet row) throws SQLException {
        DisclosureEntry disclosure = DisclosureRepository.map(row);
        String outcome = row.getString("outcome");
        return new Row(
                disclosure,
                new OverrideReview(
                        row.getString("school_urn"),
                        disclosure.id(),
                        Sector.valueOf(row.getString("recipient_sector")),
                        row.getString("authorised_as"),
                        Jdbc.strings(row, "overridden"),
                        Jdbc.date(row, "due_on"),
                        outcome == null ? null : ReviewOutcome.valueOf(outcome),
                        row.getString("note"),
                        row.getString("reviewed_by"),
                        Jdbc.instant(row, "reviewed_at"),
                        Jdbc.instant(row, "overdue_at")));
    }
}
