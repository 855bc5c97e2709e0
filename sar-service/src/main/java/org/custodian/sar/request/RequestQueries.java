package org.custodian.sar.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.sar.request.RightsRequest.Channel;
import org.custodian.sar.request.RightsRequest.Clarification;
import org.custodian.sar.request.RightsRequest.Requester;
import org.custodian.sar.request.RightsRequest.RequesterType;
import org.custodian.sar.request.RightsRequest.Step;
import org.custodian.sar.request.RightsRequest.Subject;
import org.custodian.sar.request.RightsRequest.SubjectType;

/** Persistence of rights requests, their clarifications and steps. */
@ApplicationScoped
public class RequestQueries {

    static final String COLUMNS = """
            school_urn, id, seq, type, status, subject_type, pupil_id, guardian_id, requester_type, requester_id, logged_by,
            logged_by_role, channel, received_on, description, child_age_on_receipt, child_agreement_note, identity_requested_on,
            identity_confirmed_on, fee_requested_on, fee_received_on, extension_told_on, extension_reason, acknowledged_on,
            closed_on, due_on, acknowledge_by, next_deadline, resolution::text, version, created_at""";

    /** A row of a list: the request and its position for the next page. */
    public record Listed(RightsRequest request, long seq) {}

    private final Jdbc sql;
    private final ObjectMapper mapper;

    @Inject
    public RequestQueries(Jdbc sql, ObjectMapper mapper) {
        this.sql = sql;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(RightsRequest r) {
        sql.update(
                """
                INSERT INTO rights_request (school_urn, id, type, status, subject_type, pupil_id, guardian_id, requester_type,
                    requester_id, logged_by, logged_by_role, channel, received_on, description, child_age_on_receipt,
                    child_agreement_note, due_on, acknowledge_by, next_deadline, resolution, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """,
                r.schoolUrn,
                r.id,
                r.type,
                r.status,
                r.subject.type(),
                r.subject.pupilId(),
                r.subject.guardianId(),
                r.requester.type(),
                r.requester.id(),
                r.loggedBy,
                r.loggedByRole,
                r.channel,
                r.receivedOn,
                r.description,
                r.childAgeOnReceipt,
                r.childAgreementNote,
                r.dueOn,
                r.acknowledgeBy,
                r.nextDeadline,
                json(r.resolution));
        r.version = 1;
        insertNewSteps(r);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void update(RightsRequest r) {
        sql.update(
                """
                UPDATE rights_request SET status = ?, identity_requested_on = ?, identity_confirmed_on = ?, fee_requested_on = ?,
                    fee_received_on = ?, extension_told_on = ?, extension_reason = ?, acknowledged_on = ?, closed_on = ?, due_on = ?,
                    acknowledge_by = ?, next_deadline = ?, resolution = ?, version = version + 1, updated_at = now()
                WHERE school_urn = ? AND id = ?
                """,
                r.status,
                r.identityRequestedOn,
                r.identityConfirmedOn,
                r.feeRequestedOn,
                r.feeReceivedOn,
                r.extensionToldOn,
                r.extensionReason,
                r.acknowledgedOn,
                r.closedOn,
                r.dueOn,
                r.acknowledgeBy,
                r.nextDeadline,
                json(r.resolution),
                r.schoolUrn,
                r.id);
        r.version++;
        sql.update("DELETE FROM request_clarification WHERE school_urn = ? AND request_id = ?", r.schoolUrn, r.id);
        int position = 0;
        for (Clarification c : r.clarifications) {
            sql.update("""
                    INSERT INTO request_clarification (school_urn, request_id, position, asked_on, question, answered_on, answer)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, r.schoolUrn, r.id, position++, c.askedOn(), c.question(), c.answeredOn(), c.answer());
        }
        insertNewSteps(r);
    }

    /** Only the deadline columns, for a recomputation after a calendar or region change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updateDeadline(RightsRequest r) {
        sql.update(
                "UPDATE rights_request SET due_on = ?, acknowledge_by = ?, next_deadline = ? WHERE school_urn = ? AND id = ?",
                r.dueOn,
                r.acknowledgeBy,
                r.nextDeadline,
                r.schoolUrn,
                r.id);
    }

    private void insertNewSteps(RightsRequest r) {
        for (int i = r.storedSteps; i < r.steps.size(); i++) {
            Step s = r.steps.get(i);
            sql.update(
                    """
                    INSERT INTO request_step (school_urn, request_id, position, occurred_at, actor, actor_role, action, from_status,
                        to_status, effective_on, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    r.schoolUrn,
                    r.id,
                    i,
                    OffsetDateTime.ofInstant(s.occurredAt(), java.time.ZoneOffset.UTC),
                    s.actor(),
                    s.actorRole(),
                    s.action(),
                    s.from(),
                    s.to(),
                    s.effectiveOn(),
                    s.note());
        }
        r.storedSteps = r.steps.size();
    }

    /** The request with its clarifications and steps; {@code forUpdate} locks its row for the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RightsRequest> find(String urn, UUID id, boolean forUpdate) {
        Optional<RightsRequest> found = sql.one(
                "SELECT " + COLUMNS + " FROM rights_request WHERE school_urn = ? AND id = ?"
                        + (forUpdate ? " FOR UPDATE" : ""),
                this::read,
                urn,
                id);
        found.ifPresent(this::loadChildren);
        return found;
    }

    private void loadChildren(RightsRequest r) {
        r.clarifications.addAll(sql.list(
                """
                SELECT asked_on, question, answered_on, answer FROM request_clarification
                WHERE school_urn = ? AND request_id = ? ORDER BY position
                """,
                row -> new Clarification(
                        row.getObject(1, LocalDate.class),
                        row.getString(2),
                        row.getObject(3, LocalDate.class),
                        row.getString(4)),
                r.schoolUrn,
                r.id));
        r.steps.addAll(sql.list(
                """
                SELECT occurred_at, actor, actor_role, action, from_status, to_status, effective_on, note FROM request_step
                WHERE school_urn = ? AND request_id = ? ORDER BY position
                """,
                row -> new Step(
                        row.getObject(1, OffsetDateTime.class).toInstant(),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5) == null ? null : RequestStatus.valueOf(row.getString(5)),
                        RequestStatus.valueOf(row.getString(6)),
                        row.getObject(7, LocalDate.class),
                        row.getString(8)),
                r.schoolUrn,
                r.id));
        r.storedSteps = r.steps.size();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Page<RightsRequest> list(String urn, RequestFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE school_urn = ?");
        List<Object> params = new ArrayList<>(List.of(urn));
        if (filter.status() != null) {
            where.append(" AND status = ?");
            params.add(filter.status());
        }
        if (filter.type() != null) {
            where.append(" AND type = ?");
            params.add(filter.type());
        }
        if (filter.pupilId() != null) {
            where.append(" AND pupil_id = ?");
            params.add(filter.pupilId());
        }
        if (filter.dueBefore() != null) {
            where.append(" AND due_on < ?");
            params.add(filter.dueBefore());
        }
        if (filter.requesterType() != null) {
            where.append(" AND requester_type = ? AND requester_id = ?");
            params.add(filter.requesterType());
            params.add(filter.requesterId());
        }
        if (!page.isFirst()) {
            where.append(" AND seq < ?");
            params.add(page.afterLong(0));
        }
        params.add(page.fetchSize());
        List<Listed> rows = sql.list(
                "SELECT " + COLUMNS + " FROM rights_request" + where + " ORDER BY seq DESC LIMIT ?",
                row -> new Listed(read(row), row.getLong("seq")),
                params.toArray());
        return Page.fromRows(rows, page, l -> List.of(Long.toString(l.seq()))).map(Listed::request);
    }

    /** Open requests whose next deadline is on or before {@code horizon} (overdue ones included), soonest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<RightsRequest> due(String urn, LocalDate horizon, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(urn, horizon));
        String after = "";
        if (!page.isFirst()) {
            after = " AND (next_deadline, seq) > (?, ?)";
            params.add(page.afterDate(0));
            params.add(page.afterLong(1));
        }
        params.add(page.fetchSize());
        List<Listed> rows = sql.list(
                "SELECT " + COLUMNS + " FROM rights_request WHERE school_urn = ? AND next_deadline <= ?" + after
                        + " ORDER BY next_deadline, seq LIMIT ?",
                row -> new Listed(read(row), row.getLong("seq")),
                params.toArray());
        return Page.fromRows(rows, page, l -> List.of(l.request().nextDeadline.toString(), Long.toString(l.seq())))
                .map(Listed::request);
    }

    /** Every open request of a school (a school has few at a time), for recomputing deadlines. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RightsRequest> open(String urn) {
        List<RightsRequest> open = sql.list(
                "SELECT " + COLUMNS + " FROM rights_request WHERE school_urn = ?"
                        + " AND status NOT IN ('COMPLETED', 'REFUSED', 'WITHDRAWN') ORDER BY seq FOR UPDATE",
                this::read,
                urn);
        open.forEach(this::loadChildren);
        return open;
    }

    /** Open requests across schools whose next deadline is on or before {@code horizon}, in batches for the daily job. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RightsRequest> nearDeadline(LocalDate horizon, String afterUrn, UUID afterId, int limit) {
        return sql.list(
                "SELECT " + COLUMNS + " FROM rights_request WHERE next_deadline <= ? AND (school_urn, id) > (?, ?)"
                        + " ORDER BY school_urn, id LIMIT ?",
                this::read,
                horizon,
                afterUrn,
                afterId,
                limit);
    }

    /** Every request about a pupil, oldest first (a child has few), for the per-subject export. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RightsRequest> aboutPupil(String urn, String pupilId) {
        List<RightsRequest> found = sql.list(
                "SELECT " + COLUMNS + " FROM rights_request WHERE school_urn = ? AND pupil_id = ? ORDER BY seq",
                this::read,
                urn,
                pupilId);
        found.forEach(this::loadChildren);
        return found;
    }

    private RightsRequest read(ResultSet row) throws SQLException {
        RightsRequest r = new RightsRequest();
        r.schoolUrn = row.getString("school_urn");
        r.id = row.getObject("id", UUID.class);
        r.type = RequestType.valueOf(row.getString("type"));
        r.status = RequestStatus.valueOf(row.getString("status"));
        SubjectType subjectType = SubjectType.valueOf(row.getString("subject_type"));
        r.subject = new Subject(
                subjectType,
                subjectType == SubjectType.PUPIL ? row.getString("pupil_id") : row.getString("guardian_id"));
        r.requester =
                new Requester(RequesterType.valueOf(row.getString("requester_type")), row.getString("requester_id"));
        r.loggedBy = row.getString("logged_by");
        r.loggedByRole = row.getString("logged_by_role");
        r.channel = Channel.valueOf(row.getString("channel"));
        r.receivedOn = row.getObject("received_on", LocalDate.class);
        r.description = row.getString("description");
        r.childAgeOnReceipt = (Integer) row.getObject("child_age_on_receipt");
        r.childAgreementNote = row.getString("child_agreement_note");
        r.identityRequestedOn = row.getObject("identity_requested_on", LocalDate.class);
        r.identityConfirmedOn = row.getObject("identity_confirmed_on", LocalDate.class);
        r.feeRequestedOn = row.getObject("fee_requested_on", LocalDate.class);
        r.feeReceivedOn = row.getObject("fee_received_on", LocalDate.class);
        r.extensionToldOn = row.getObject("extension_told_on", LocalDate.class);
        r.extensionReason = row.getString("extension_reason");
        r.acknowledgedOn = row.getObject("acknowledged_on", LocalDate.class);
        r.closedOn = row.getObject("closed_on", LocalDate.class);
        r.dueOn = row.getObject("due_on", LocalDate.class);
        r.acknowledgeBy = row.getObject("acknowledge_by", LocalDate.class);
        r.nextDeadline = row.getObject("next_deadline", LocalDate.class);
        r.resolution = resolution(row.getString("resolution"));
        r.version = row.getLong("version");
        r.createdAt = row.getObject("created_at", OffsetDateTime.class).toInstant();
        return r;
    }

    private Jdbc.Json json(Resolution resolution) {
        try {
            return new Jdbc.Json(mapper.writeValueAsString(resolution));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a resolution", e);
        }
    }

    private Resolution resolution(String json) {
        try {
            return json == null ? Resolution.NONE : mapper.readValue(json, Resolution.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored resolution", e);
        }
    }
}
