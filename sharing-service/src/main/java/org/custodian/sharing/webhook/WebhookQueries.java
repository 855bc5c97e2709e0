package org.custodian.sharing.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.sharing.recipient.PartnerIdentity;
import org.custodian.sharing.support.Columns;

/**
 * Messages, deliveries and attempts: the fan-out of messages to subscribed endpoints and the delivery claims, set-based
 * and hot. Endpoints themselves are {@link WebhookEndpoint} entities; these statements only read them.
 */
@ApplicationScoped
public class WebhookQueries {

    private static final String TARGET_COLUMNS =
            "school_urn, id, url, secret_enc, previous_secret_enc, previous_secret_expires_at";
    private static final String DELIVERY_COLUMNS = "id, school_urn, endpoint_id, recipient_id, message_id, event_type, "
            + "status, attempts, next_attempt_at, last_attempt_at, last_status_code, last_duration_ms, last_error, "
            + "replay_of, created_at";

    /** A claimed delivery with everything needed to send it. */
    public record Claimed(Delivery delivery, Target endpoint, String payload) {}

    /** What sending needs of the endpoint: where, and the sealed secrets that sign. */
    public record Target(
            String schoolUrn,
            UUID id,
            String url,
            String secretSealed,
            String previousSecretSealed,
            Instant previousSecretExpiresAt) {

        public String binding() {
            return WebhookEndpoint.binding(schoolUrn, id);
        }
    }

    private final Jdbc jdbc;

    WebhookQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores messages once each (their ids are deterministic for messages caused by an event), in one statement.
     *
     * @return the ids of those that did not exist yet
     */
    public Set<String> insertMessages(String urn, List<NewMessage> messages, Instant at) {
        if (messages.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.list(
                """
                INSERT INTO webhook_message (school_urn, id, recipient_id, event_type, pupil_id, payload, created_at)
                SELECT ?, m.id, m.recipient_id::uuid, m.event_type, m.pupil_id, m.payload, ?
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS m(id, recipient_id, event_type, pupil_id, payload)
                ON CONFLICT DO NOTHING
                RETURNING id
                """,
                row -> row.getString(1),
                urn,
                at,
                Columns.of(messages, NewMessage::id),
                Columns.of(messages, m -> m.recipientId().toString()),
                Columns.of(messages, m -> m.type().wireName()),
                Columns.of(messages, NewMessage::pupilId),
                Columns.of(messages, NewMessage::payload)));
    }

    /**
     * Queues each message for every endpoint of its recipient that subscribes to a type that receives it. A disabled
     * endpoint's deliveries wait (claimDue skips them) and go out once it is enabled again: a partner whose endpoint
     * answered 410 or was disabled for a while still learns of every withdrawal, erasure … made meanwhile.
     */
    public int queueForSubscribers(String urn, List<NewMessage> messages, Instant at) {
        if (messages.isEmpty()) {
            return 0;
        }
        return jdbc.update(
                """
                INSERT INTO webhook_delivery (school_urn, id, endpoint_id, recipient_id, message_id, event_type, status,
                                              next_attempt_at, created_at)
                SELECT e.school_urn, gen_random_uuid(), e.id, e.recipient_id, m.id, m.event_type, 'PENDING', ?, ?
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS m(id, recipient_id, event_type, accepted_by)
                JOIN webhook_endpoint e ON e.school_urn = ? AND e.recipient_id = m.recipient_id::uuid
                 AND e.event_types && string_to_array(m.accepted_by, ',')
                """,
                at,
                at,
                Columns.of(messages, NewMessage::id),
                Columns.of(messages, m -> m.recipientId().toString()),
                Columns.of(messages, m -> m.type().wireName()),
                Columns.of(messages, m -> String.join(",", m.acceptedBy())),
                urn);
    }

    public void insertDelivery(
            String urn,
            UUID id,
            UUID endpointId,
            UUID recipientId,
            String messageId,
            String eventType,
            UUID replayOf,
            Instant at) {
        jdbc.update("""
                INSERT INTO webhook_delivery (school_urn, id, endpoint_id, recipient_id, message_id, event_type, status,
                                              next_attempt_at, replay_of, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
                """, urn, id, endpointId, recipientId, messageId, eventType, at, replayOf, at);
    }

    public Optional<Delivery> delivery(String urn, UUID endpointId, UUID id) {
        return jdbc.one(
                "SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_delivery WHERE school_urn = ? AND endpoint_id = ? AND id = ?",
                WebhookQueries::delivery,
                urn,
                endpointId,
                id);
    }

    public Page<Delivery> deliveries(String urn, UUID endpointId, Delivery.Status status, PageRequest page) {
        StringBuilder sql = new StringBuilder(
                "SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE school_urn = ? AND endpoint_id = ?");
        List<Object> params = new ArrayList<>(List.of(urn, endpointId));
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        if (!page.isFirst()) {
            sql.append(" AND (created_at, id) < (?, ?)");
            params.add(page.afterInstant(0));
            params.add(page.afterUuid(1));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(page.fetchSize());
        return Page.fromRows(
                jdbc.list(sql.toString(), WebhookQueries::delivery, params.toArray()),
                page,
                d -> List.of(d.createdAt().toString(), d.id().toString()));
    }

    /**
     * A partner's deliveries across schools, newest first (issue 17): those to the recipients linked to its partner
     * id, or to the one recipient its token names in the token's schools; optionally of one school.
     */
    public Page<Delivery> deliveriesReachedBy(
            PartnerIdentity who, String urn, Delivery.Status status, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE ");
        List<Object> params = new ArrayList<>();
        if (who.isOrganisation()) {
            // a read-only look at the recipient entity's table: the recipients the schools linked to this partner
            sql.append("(school_urn, recipient_id) IN (SELECT school_urn, id FROM recipient WHERE partner_id = ?)");
            params.add(who.partnerId());
        } else {
            sql.append("recipient_id = ? AND school_urn = ANY (?)");
            params.add(who.recipientId());
            params.add(List.copyOf(who.schools()));
        }
        if (urn != null) {
            sql.append(" AND school_urn = ?");
            params.add(urn);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        if (!page.isFirst()) {
            sql.append(" AND (created_at, id) < (?, ?)");
            params.add(page.afterInstant(0));
            params.add(page.afterUuid(1));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(page.fetchSize());
        return Page.fromRows(
                jdbc.list(sql.toString(), WebhookQueries::delivery, params.toArray()),
                page,
                d -> List.of(d.createdAt().toString(), d.id().toString()));
    }

    /**
     * Whether the school has an agreement with the recipient that has not ended by {@code day} (a read-only look at
     * the agreement entity's table): a partner manages its endpoints only for schools that share with it.
     */
    public boolean agreementInForce(String urn, UUID recipientId, LocalDate day) {
        return jdbc.one(
                        "SELECT 1 FROM agreement WHERE school_urn = ? AND recipient_id = ?"
                                + " AND (valid_to IS NULL OR valid_to >= ?) LIMIT 1",
                        row -> row.getInt(1),
                        urn,
                        recipientId,
                        day)
                .isPresent();
    }

    public List<Delivery.Attempt> attempts(String urn, UUID deliveryId) {
        return jdbc.list("""
                SELECT attempt, started_at, duration_ms, status_code, outcome, error FROM webhook_attempt
                WHERE school_urn = ? AND delivery_id = ? ORDER BY attempt
                """, WebhookQueries::attempt, urn, deliveryId);
    }

    /**
     * Claims due deliveries of enabled endpoints for this replica: rows locked by another replica are skipped, and a
     * claimed row is leased so that no other replica takes it while it is being sent.
     */
    public List<Claimed> claimDue(Instant now, int limit, Instant leaseUntil) {
        // the queue keeps every delivery ever made and can gain thousands in one disclosure run
        jdbc.queuePlans();
        // read-only join of the endpoint entity's table: the claim takes only deliveries of enabled endpoints
        List<DeliveryKey> keys = jdbc.list("""
                SELECT d.school_urn, d.id FROM webhook_delivery d
                JOIN webhook_endpoint e ON e.school_urn = d.school_urn AND e.id = d.endpoint_id
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND (d.claimed_until IS NULL OR d.claimed_until < ?)
                  AND e.status = 'ENABLED'
                ORDER BY d.next_attempt_at
                LIMIT ?
                FOR UPDATE OF d SKIP LOCKED
                """, WebhookQueries::deliveryKey, now, now, limit);
        List<Claimed> claimed = new ArrayList<>();
        for (DeliveryKey key : keys) {
            jdbc.update(
                    "UPDATE webhook_delivery SET claimed_until = ? WHERE school_urn = ? AND id = ?",
                    leaseUntil,
                    key.schoolUrn(),
                    key.id());
            // read-only join of the endpoint entity's table: the URL and sealed secrets to send with, as claimed
            claimed.add(current(
                    jdbc.one(
                                    "SELECT " + prefixed("d", DELIVERY_COLUMNS) + ", " + prefixed("e", TARGET_COLUMNS)
                                            + ", m.payload FROM webhook_delivery d "
                                            + "JOIN webhook_endpoint e ON e.school_urn = d.school_urn AND e.id = d.endpoint_id "
                                            + "JOIN webhook_message m ON m.school_urn = d.school_urn AND m.id = d.message_id "
                                            + "WHERE d.school_urn = ? AND d.id = ?",
                                    WebhookQueries::claimed,
                                    key.schoolUrn(),
                                    key.id())
                            .orElseThrow(),
                    now));
        }
        return claimed;
    }

    /**
     * A replay says so and carries the current status of the action its message asked for ({@link ReplayedMessage}):
     * the stored message stays as first sent.
     */
    private Claimed current(Claimed claimed, Instant now) {
        Delivery delivery = claimed.delivery();
        if (delivery.replayOf() == null) {
            return claimed;
        }
        return new Claimed(
                delivery,
                claimed.endpoint(),
                ReplayedMessage.of(
                        claimed.payload(),
                        delivery.createdAt(),
                        action -> actionStatus(delivery.schoolUrn(), action),
                        now));
    }

    /** The current status of a partner action (partner_action is the action package's entity: read-only here). */
    private Optional<String> actionStatus(String urn, UUID actionId) {
        return jdbc.one(
                "SELECT status FROM partner_action WHERE school_urn = ? AND id = ?",
                r -> r.getString("status"),
                urn,
                actionId);
    }

    /**
     * Records one attempt if this replica still holds the delivery at that attempt number; false when another replica
     * recorded it meanwhile (so nothing is recorded twice).
     */
    public boolean recordAttempt(Delivery d, Delivery.Attempt attempt, Delivery.Status status, Instant nextAttemptAt) {
        int updated = jdbc.update(
                """
                UPDATE webhook_delivery SET attempts = ?, status = ?, next_attempt_at = ?, claimed_until = NULL,
                       last_attempt_at = ?, last_status_code = ?, last_duration_ms = ?, last_error = ?
                WHERE school_urn = ? AND id = ? AND attempts = ?
                """,
                attempt.attempt(),
                status,
                nextAttemptAt,
                attempt.startedAt(),
                attempt.statusCode(),
                attempt.durationMs(),
                attempt.error(),
                d.schoolUrn(),
                d.id(),
                d.attempts());
        if (updated == 0) {
            return false;
        }
        jdbc.update(
                """
                INSERT INTO webhook_attempt (school_urn, delivery_id, attempt, started_at, duration_ms, status_code, outcome, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                d.schoolUrn(),
                d.id(),
                attempt.attempt(),
                attempt.startedAt(),
                attempt.durationMs(),
                attempt.statusCode(),
                attempt.outcome(),
                attempt.error());
        return true;
    }

    /** Messages about one pupil, for the subject export. */
    public List<Map<String, Object>> messagesAbout(String urn, String pupilId) {
        return jdbc.list("""
                SELECT m.id, m.event_type, m.recipient_id, m.created_at,
                       (SELECT count(*) FROM webhook_delivery d WHERE d.school_urn = m.school_urn AND d.message_id = m.id
                          AND d.status = 'SUCCEEDED') AS delivered
                FROM webhook_message m WHERE m.school_urn = ? AND m.pupil_id = ? ORDER BY m.created_at
                """, WebhookQueries::messageAboutPupil, urn, pupilId);
    }

    private static String prefixed(String alias, String columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns.split(",\\s*")) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(alias)
                    .append('.')
                    .append(column)
                    .append(" AS ")
                    .append(alias)
                    .append('_')
                    .append(column);
        }
        return out.toString();
    }

    private record DeliveryKey(String schoolUrn, UUID id) {}

    private static DeliveryKey deliveryKey(ResultSet row) throws SQLException {
        return new DeliveryKey(row.getString("school_urn"), row.getObject("id", UUID.class));
    }

    private static Claimed claimed(ResultSet row) throws SQLException {
        return new Claimed(delivery(row, "d_"), target(row, "e_"), row.getString("payload"));
    }

    private static Target target(ResultSet row, String p) throws SQLException {
        return new Target(
                row.getString(p + "school_urn"),
                row.getObject(p + "id", UUID.class),
                row.getString(p + "url"),
                row.getString(p + "secret_enc"),
                row.getString(p + "previous_secret_enc"),
                Jdbc.instant(row, p + "previous_secret_expires_at"));
    }

    private static Delivery.Attempt attempt(ResultSet row) throws SQLException {
        return new Delivery.Attempt(
                row.getInt("attempt"),
                Jdbc.instant(row, "started_at"),
                row.getInt("duration_ms"),
                Jdbc.integer(row, "status_code"),
                row.getString("outcome"),
                row.getString("error"));
    }

    private static Map<String, Object> messageAboutPupil(ResultSet row) throws SQLException {
        return Map.of(
                "messageId",
                row.getString("id"),
                "type",
                row.getString("event_type"),
                "recipientId",
                row.getObject("recipient_id", UUID.class),
                "createdAt",
                Jdbc.instant(row, "created_at"),
                "delivered",
                row.getLong("delivered") > 0);
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        return delivery(row, "");
    }

    private static Delivery delivery(ResultSet row, String p) throws SQLException {
        return new Delivery(
                row.getObject(p + "id", UUID.class),
                row.getString(p + "school_urn"),
                row.getObject(p + "endpoint_id", UUID.class),
                row.getObject(p + "recipient_id", UUID.class),
                row.getString(p + "message_id"),
                row.getString(p + "event_type"),
                Delivery.Status.valueOf(row.getString(p + "status")),
                row.getInt(p + "attempts"),
                Jdbc.instant(row, p + "next_attempt_at"),
                Jdbc.instant(row, p + "last_attempt_at"),
                (Integer) row.getObject(p + "last_status_code"),
                (Integer) row.getObject(p + "last_duration_ms"),
                row.getString(p + "last_error"),
                row.getObject(p + "replay_of", UUID.class),
                Jdbc.instant(row, p + "created_at"));
    }
}
