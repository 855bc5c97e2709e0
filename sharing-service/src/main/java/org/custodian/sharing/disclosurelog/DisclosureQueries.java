package org.custodian.sharing.disclosurelog;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.platform.http.Params;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.support.Columns;

/** The append-only disclosure log, its requests and refusals. Writes are one statement per table per request. */
@ApplicationScoped
public class DisclosureQueries {

    private static final String COLUMNS = "id, request_id, pupil_id, recipient_id, recipient_name, recipient_kind, "
            + "agreement_id, lawful_basis, agreement_basis, consent_purpose, legal_reference, purpose, data_categories, "
            + "reason, override, override_justification, disclosed_by, disclosed_by_role, disclosed_at, "
            + "special_category_condition, schedule1_condition, restriction_ground, transfer_derogation";

    /** One disclosure to a recipient, as far as telling the recipient about the pupil later needs it. */
    public record Received(UUID recipientId, List<String> categories, String agreementId) {}

    /** When a recipient last received data about a pupil under a consent, and when it was last asked to stop (or null). */
    public record StopUsingHistory(Instant lastReceived, Instant lastAsked) {}

    /** What a recipient received about one pupil over all its disclosures. */
    public record PupilReceived(String pupilId, List<String> categories, List<String> agreements) {}

    /** Filters of the log; null means any. {@code to} is exclusive. */
    public record Filter(String pupilId, UUID recipientId, Instant from, Instant to, boolean overridesOnly) {

        /** From query parameters: a pupil id, a recipient id, dates from and to (inclusive, Europe/London); 400 when bad. */
        public static Filter parse(String pupilId, String recipientId, String from, String to, boolean overridesOnly) {
            String pupil = pupilId == null ? null : Params.personId("pupilId", pupilId);
            UUID recipient = recipientId == null ? null : Params.uuid("recipientId", recipientId);
            LocalDate fromDate = Params.date("from", from);
            LocalDate toDate = Params.date("to", to);
            if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
                throw Problems.invalid("to", "must not be before from");
            }
            return new Filter(
                    pupil,
                    recipient,
                    fromDate == null ? null : LegalTime.startOf(fromDate),
                    toDate == null ? null : LegalTime.startOf(toDate.plusDays(1)),
                    overridesOnly);
        }
    }

    /** The log's columns as read from {@code disclosure_log d}. */
    public static final String LOG_COLUMNS =
            Arrays.stream(COLUMNS.split(", ")).map(c -> "d." + c).collect(Collectors.joining(", "));

    private final Jdbc jdbc;

    DisclosureQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insertRequest(
            String urn,
            UUID id,
            UUID recipientId,
            String purpose,
            List<String> categories,
            String reason,
            String justification,
            String by,
            String role,
            Instant at,
            int allowed,
            int refused) {
        jdbc.update(
                """
                INSERT INTO disclosure_request (school_urn, id, recipient_id, purpose, data_categories, reason,
                    emergency_justification, requested_by, requested_by_role, requested_at, allowed, refused)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, urn, id, recipientId, purpose, categories, reason, justification, by, role, at, allowed, refused);
    }

    /** Appends the rows of one request in a single statement. */
    public void insertAll(String urn, List<DisclosureEntry> rows) {
        if (rows.isEmpty()) {
            return;
        }
        DisclosureEntry first = rows.get(0);
        jdbc.update(
                """
                INSERT INTO disclosure_log (school_urn, id, request_id, pupil_id, recipient_id, recipient_name, recipient_kind,
                    agreement_id, lawful_basis, agreement_basis, consent_purpose, legal_reference, purpose, data_categories,
                    reason, override, override_justification, disclosed_by, disclosed_by_role, disclosed_at,
                    special_category_condition, schedule1_condition, restriction_ground, transfer_derogation)
                SELECT ?, r.id::uuid, ?, r.pupil_id, ?, ?, ?, r.agreement_id::uuid, r.lawful_basis, r.agreement_basis,
                       r.consent_purpose, r.legal_reference, ?, ?, ?, r.override::boolean,
                       CASE WHEN r.override::boolean THEN ? END, ?, ?, ?,
                       r.special_category_condition, r.schedule1_condition, r.restriction_ground, r.transfer_derogation
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[])
                     AS r(id, pupil_id, agreement_id, lawful_basis, agreement_basis, consent_purpose, legal_reference, override,
                          special_category_condition, schedule1_condition, restriction_ground, transfer_derogation)
                """,
                urn,
                first.requestId(),
                first.recipientId(),
                first.recipientName(),
                first.recipientKind(),
                first.purpose(),
                first.dataCategories(),
                first.reason(),
                first.overrideJustification(),
                first.disclosedBy(),
                first.disclosedByRole(),
                first.disclosedAt(),
                Columns.of(rows, r -> r.id().toString()),
                Columns.of(rows, DisclosureEntry::pupilId),
                Columns.of(
                        rows,
                        r -> r.agreementId() == null ? null : r.agreementId().toString()),
                Columns.of(rows, DisclosureEntry::lawfulBasis),
                Columns.of(rows, DisclosureEntry::agreementBasis),
                Columns.of(rows, DisclosureEntry::consentPurpose),
                Columns.of(rows, DisclosureEntry::legalReference),
                Columns.of(rows, r -> Boolean.toString(r.override())),
                Columns.of(rows, DisclosureEntry::specialCategoryCondition),
                Columns.of(rows, DisclosureEntry::schedule1Condition),
                Columns.of(rows, DisclosureEntry::restrictionGround),
                Columns.of(rows, DisclosureEntry::transferDerogation));
    }

    /** Appends the refused pupils of one request with their reasons (comma-joined codes, split in SQL). */
    public void insertRefusals(
            String urn,
            UUID requestId,
            UUID recipientId,
            String purpose,
            Map<String, List<String>> reasons,
            Instant at) {
        if (reasons.isEmpty()) {
            return;
        }
        List<String> pupils = new ArrayList<>(reasons.keySet());
        List<String> joined =
                pupils.stream().map(p -> String.join(",", reasons.get(p))).toList();
        jdbc.update("""
                INSERT INTO disclosure_refusal (school_urn, request_id, pupil_id, recipient_id, purpose, reasons, refused_at)
                SELECT ?, ?, r.pupil_id, ?, ?, string_to_array(r.reasons, ','), ?
                FROM unnest(?::text[], ?::text[]) AS r(pupil_id, reasons)
                """, urn, requestId, recipientId, purpose, at, pupils, joined);
    }

    public Optional<DisclosureEntry> find(String urn, UUID id) {
        return jdbc.one(
                "SELECT " + COLUMNS + " FROM disclosure_log WHERE school_urn = ? AND id = ?",
                DisclosureQueries::map,
                urn,
                id);
    }

    public Page<DisclosureEntry> page(String urn, Filter filter, PageRequest page) {
        StringBuilder sql =
                new StringBuilder("SELECT " + LOG_COLUMNS + " FROM disclosure_log d WHERE d.school_urn = ?");
        List<Object> params = new ArrayList<>(List.of(urn));
        return page(sql, params, filter, page, DisclosureQueries::map, d -> d);
    }

    /**
     * A page of a query over {@code disclosure_log d} (whose WHERE clause {@code sql} has begun), newest first: adds the
     * filter's conditions, the cursor's position and the order, and maps each row.
     */
    public <T> Page<T> page(
            StringBuilder sql,
            List<Object> params,
            Filter filter,
            PageRequest page,
            Jdbc.Row<T> rows,
            java.util.function.Function<T, DisclosureEntry> entryOf) {
        if (filter.pupilId() != null) {
            sql.append(" AND d.pupil_id = ?");
            params.add(filter.pupilId());
        }
        if (filter.recipientId() != null) {
            sql.append(" AND d.recipient_id = ?");
            params.add(filter.recipientId());
        }
        if (filter.from() != null) {
            sql.append(" AND d.disclosed_at >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND d.disclosed_at < ?");
            params.add(filter.to());
        }
        if (filter.overridesOnly()) {
            sql.append(" AND d.override");
        }
        if (!page.isFirst()) {
            sql.append(" AND (d.disclosed_at, d.id) < (?, ?)");
            params.add(page.afterInstant(0));
            params.add(page.afterUuid(1));
        }
        sql.append(" ORDER BY d.disclosed_at DESC, d.id DESC LIMIT ?");
        params.add(page.fetchSize());
        return Page.fromRows(
                jdbc.list(sql.toString(), rows, params.toArray()),
                page,
                t -> List.of(
                        entryOf.apply(t).disclosedAt().toString(),
                        entryOf.apply(t).id().toString()));
    }

    /** Every disclosure about one pupil, oldest first (for the subject export). */
    public List<DisclosureEntry> aboutPupil(String urn, String pupilId) {
        return jdbc.list(
                "SELECT " + COLUMNS
                        + " FROM disclosure_log WHERE school_urn = ? AND pupil_id = ? ORDER BY disclosed_at, id",
                DisclosureQueries::map,
                urn,
                pupilId);
    }

    /** Every refusal about one pupil, oldest first. */
    public List<Map<String, Object>> refusalsAbout(String urn, String pupilId) {
        return jdbc.list(
                """
                SELECT request_id, recipient_id, purpose, reasons, refused_at FROM disclosure_refusal
                WHERE school_urn = ? AND pupil_id = ? ORDER BY refused_at
                """,
                row -> Map.of(
                        "requestId",
                        row.getObject(1, UUID.class),
                        "recipientId",
                        row.getObject(2, UUID.class),
                        "purpose",
                        row.getString(3),
                        "reasons",
                        Jdbc.strings(row, "reasons"),
                        "refusedAt",
                        Jdbc.instant(row, "refused_at")),
                urn,
                pupilId);
    }

    /** What went to each recipient about the pupil, oldest first. */
    public List<Received> received(String urn, String pupilId) {
        return jdbc.list(RECEIVED + " ORDER BY disclosed_at", DisclosureQueries::received, urn, pupilId);
    }

    /** What went to each recipient about the pupil under an agreement resting on consent, oldest first. */
    public List<Received> receivedUnderConsent(String urn, String pupilId) {
        return jdbc.list(
                RECEIVED + " AND agreement_basis = 'CONSENT' ORDER BY disclosed_at",
                DisclosureQueries::received,
                urn,
                pupilId);
    }

    /** What went to each recipient about the pupil under agreements resting on consent to the purpose, oldest first. */
    public List<Received> receivedUnderConsentTo(String urn, String pupilId, String consentPurpose) {
        return jdbc.list(
                RECEIVED + " AND agreement_basis = 'CONSENT' AND consent_purpose = ? ORDER BY disclosed_at",
                DisclosureQueries::received,
                urn,
                pupilId,
                consentPurpose);
    }

    /**
     * For each recipient that received data about the pupil under consent to the purpose: when it last did, and when
     * it was last asked to stop using it (a {@code STOP_USING} action for that purpose), or null.
     */
    public Map<UUID, StopUsingHistory> stopUsingHistory(String urn, String pupilId, String consentPurpose) {
        // partner_action is an entity (PartnerActionRepository): read-only here, so no recipient is asked twice
        Map<UUID, StopUsingHistory> history = new LinkedHashMap<>();
        jdbc.list(
                        """
                SELECT d.recipient_id, max(d.disclosed_at) AS last_received,
                       (SELECT max(a.opened_at) FROM partner_action a
                        WHERE a.school_urn = d.school_urn AND a.recipient_id = d.recipient_id AND a.pupil_id = d.pupil_id
                          AND a.kind = 'STOP_USING' AND a.cause_reference = ?) AS last_asked
                FROM disclosure_log d
                WHERE d.school_urn = ? AND d.pupil_id = ? AND d.agreement_basis = 'CONSENT' AND d.consent_purpose = ?
                GROUP BY d.school_urn, d.pupil_id, d.recipient_id
                """,
                        row -> Map.entry(
                                row.getObject("recipient_id", UUID.class),
                                new StopUsingHistory(
                                        Jdbc.instant(row, "last_received"), Jdbc.instant(row, "last_asked"))),
                        consentPurpose,
                        urn,
                        pupilId,
                        consentPurpose)
                .forEach(e -> history.put(e.getKey(), e.getValue()));
        return history;
    }

    /**
     * Each pupil whose data went to the recipient, with every category and agreement it went under, unless the pupil
     * was already asked to delete everything since the data last went.
     */
    public List<PupilReceived> notYetAskedToDeleteAll(String urn, UUID recipientId) {
        // partner_action is an entity (PartnerActionRepository): read-only here, so no pupil is asked twice
        return jdbc.list("""
                SELECT d.pupil_id, array_agg(DISTINCT c.category ORDER BY c.category) AS categories,
                       array_remove(array_agg(DISTINCT d.agreement_id::text ORDER BY d.agreement_id::text), NULL) AS agreements
                FROM disclosure_log d, unnest(d.data_categories) AS c(category)
                WHERE d.school_urn = ? AND d.recipient_id = ?
                GROUP BY d.pupil_id
                HAVING NOT EXISTS (SELECT 1 FROM partner_action a
                                   WHERE a.school_urn = ? AND a.recipient_id = ? AND a.pupil_id = d.pupil_id
                                     AND a.kind = 'DELETE_ALL' AND a.opened_at >= max(d.disclosed_at))
                ORDER BY d.pupil_id
                """, DisclosureQueries::pupilReceived, urn, recipientId, urn, recipientId);
    }

    private static final String RECEIVED =
            "SELECT recipient_id, data_categories, agreement_id FROM disclosure_log WHERE school_urn = ? AND pupil_id = ?";

    private static Received received(ResultSet row) throws SQLException {
        return new Received(
                row.getObject("recipient_id", UUID.class),
                Jdbc.strings(row, "data_categories"),
                row.getString("agreement_id"));
    }

    private static PupilReceived pupilReceived(ResultSet row) throws SQLException {
        return new PupilReceived(
                row.getString("pupil_id"), Jdbc.strings(row, "categories"), Jdbc.strings(row, "agreements"));
    }

    public static DisclosureEntry map(ResultSet row) throws SQLException {
        return new DisclosureEntry(
                row.getObject("id", UUID.class),
                row.getObject("request_id", UUID.class),
                row.getString("pupil_id"),
                row.getObject("recipient_id", UUID.class),
                row.getString("recipient_name"),
                row.getString("recipient_kind"),
                row.getObject("agreement_id", UUID.class),
                row.getString("lawful_basis"),
                row.getString("agreement_basis"),
                row.getString("consent_purpose"),
                row.getString("legal_reference"),
                row.getString("purpose"),
                Jdbc.strings(row, "data_categories"),
                row.getString("reason"),
                row.getBoolean("override"),
                row.getString("override_justification"),
                row.getString("disclosed_by"),
                row.getString("disclosed_by_role"),
                Jdbc.instant(row, "disclosed_at"),
                row.getString("special_category_condition"),
                row.getString("schedule1_condition"),
                row.getString("restriction_ground"),
                row.getString("transfer_derogation"));
    }
}
