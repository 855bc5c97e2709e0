package org.custodian.sharing.override;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.http.Params;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.sharing.disclosurelog.DisclosureEntry;
import org.custodian.sharing.disclosurelog.DisclosureQueries;

/** The emergency overrides as the disclosure log holds them (append-only rows with override = true). */
@ApplicationScoped
public class OverrideQueries {

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

    private final DisclosureQueries log;

    OverrideQueries(DisclosureQueries log) {
        this.log = log;
    }

    /** A page of the school's overrides' log rows, newest first, by the log's filters and by review. */
    public Page<DisclosureEntry> page(
            String urn, DisclosureQueries.Filter filter, ReviewFilter review, LocalDate today, PageRequest page) {
        // override_review is an entity (OverrideRepository): joined read-only here to filter the page by review
        StringBuilder sql = new StringBuilder("SELECT " + DisclosureQueries.LOG_COLUMNS
                + " FROM disclosure_log d JOIN override_review r ON r.school_urn = d.school_urn AND r.disclosure_id = d.id"
                + " WHERE d.school_urn = ?");
        List<Object> params = new ArrayList<>(List.of(urn));
        if (review == ReviewFilter.PENDING) {
            sql.append(" AND r.outcome IS NULL");
        } else if (review == ReviewFilter.OVERDUE) {
            sql.append(" AND r.outcome IS NULL AND r.due_on < ?");
            params.add(today);
        } else if (review == ReviewFilter.REVIEWED) {
            sql.append(" AND r.outcome IS NOT NULL");
        }
        return log.page(sql, params, filter, page, DisclosureQueries::map, d -> d);
    }

    /** The log row of one override. */
    public Optional<DisclosureEntry> disclosure(String urn, UUID disclosureId) {
        return log.find(urn, disclosureId);
    }
}
