package org.custodian.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.http.RequestIds;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.security.Caller;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's append-only audit log. Every change of personal data and every read of a subject's full record is
 * written here, in the same transaction as the change, chained per school by hash.
 */
@ApplicationScoped
public class AuditLog {

    private static final String LOCK_HEAD = """
            INSERT INTO audit_chain_head (school_urn, seq, hash) VALUES (?, 0, ?)
            ON CONFLICT (school_urn) DO UPDATE SET seq = audit_chain_head.seq
            RETURNING seq, hash
            """;
    private static final String INSERT = """
            INSERT INTO audit_log (school_urn, seq, occurred_at, actor, actor_role, subject, action, outcome,
                                   request_id, detail, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String MOVE_HEAD = "UPDATE audit_chain_head SET seq = ?, hash = ? WHERE school_urn = ?";
    private static final String COLUMNS =
            "seq, occurred_at, actor, actor_role, subject, action, outcome, request_id, detail, prev_hash, hash, school_urn";

    private final DataSource dataSource;
    private final CurrentVertxRequest currentRequest;

    @Inject
    public AuditLog(DataSource dataSource, CurrentVertxRequest currentRequest) {
        this.dataSource = dataSource;
        this.currentRequest = currentRequest;
    }

    /** Records what the calling user did, in the current transaction (or a new one). */
    @Transactional
    public AuditRecord record(Caller caller, String schoolUrn, String subject, String action, Outcome outcome, String detail) {
        return record(new AuditEntry(schoolUrn, Instant.now(), caller.subject(), caller.primaryRole(), subject, action,
                outcome, currentRequestId(), detail));
    }

    /** Records a refusal in its own transaction, so that it stays recorded when the request's work rolls back. */
    public AuditRecord recordDenial(Caller caller, String schoolUrn, String subject, String action, String detail) {
        AuditEntry entry = new AuditEntry(schoolUrn, Instant.now(), caller.subject(), caller.primaryRole(), subject, action,
                Outcome.DENIED, currentRequestId(), detail);
        return QuarkusTransaction.requiringNew().call(() -> record(entry));
    }

    @Transactional
    public AuditRecord record(AuditEntry entry) {
        try (Connection connection = dataSource.getConnection()) {
            long seq;
            String prevHash;
            // the upsert takes the row lock on the school's chain head: one append per school at a time
            try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD)) {
                lock.setString(1, entry.schoolUrn());
                lock.setString(2, AuditChain.GENESIS);
                try (ResultSet head = lock.executeQuery()) {
                    head.next();
                    seq = head.getLong(1) + 1;
                    prevHash = head.getString(2);
                }
            }
            String hash = AuditChain.hash(seq, prevHash, entry);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, entry.schoolUrn());
                insert.setLong(2, seq);
                insert.setObject(3, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
                insert.setString(4, entry.actor());
                insert.setString(5, entry.actorRole());
                insert.setString(6, entry.subject());
                insert.setString(7, entry.action());
                insert.setString(8, entry.outcome().name());
                insert.setString(9, entry.requestId());
                insert.setString(10, entry.detail());
                insert.setString(11, prevHash);
                insert.setString(12, hash);
                insert.executeUpdate();
            }
            try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
                move.setLong(1, seq);
                move.setString(2, hash);
                move.setString(3, entry.schoolUrn());
                move.executeUpdate();
            }
            return new AuditRecord(seq, entry, prevHash, hash);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write audit entry " + entry.action(), e);
        }
    }

    /** A school's log, newest first, optionally only about one subject. */
    @Transactional
    public Page<AuditRecord> page(String schoolUrn, String subject, PageRequest request) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE school_urn = ?");
        if (subject != null) {
            sql.append(" AND subject = ?");
        }
        if (!request.isFirst()) {
            sql.append(" AND seq < ?");
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql.toString())) {
            int i = 1;
            query.setString(i++, schoolUrn);
            if (subject != null) {
                query.setString(i++, subject);
            }
            if (!request.isFirst()) {
                query.setLong(i++, request.afterLong(0));
            }
            query.setInt(i, request.fetchSize());
            return Page.fromRows(read(query), request, row -> List.of(Long.toString(row.seq())));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
    }

    /** Walks the whole chain of a school in batches and reports whether it is intact. */
    @Transactional
    public AuditVerification verify(String schoolUrn) {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        try (Connection connection = dataSource.getConnection()) {
            long after = 0;
            boolean more = true;
            while (more) {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM audit_log WHERE school_urn = ? AND seq > ? ORDER BY seq LIMIT 1000")) {
                    query.setString(1, schoolUrn);
                    query.setLong(2, after);
                    List<AuditRecord> batch = read(query);
                    for (AuditRecord row : batch) {
                        if (!verifier.accept(row)) {
                            more = false;
                            break;
                        }
                        after = row.seq();
                    }
                    more = more && batch.size() == 1000;
                }
            }
            long headSeq = 0;
            String headHash = AuditChain.GENESIS;
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT seq, hash FROM audit_chain_head WHERE school_urn = ?")) {
                head.setString(1, schoolUrn);
                try (ResultSet rows = head.executeQuery()) {
                    if (rows.next()) {
                        headSeq = rows.getLong(1);
                        headHash = rows.getString(2);
                    }
                }
            }
            return verifier.finish(schoolUrn, headSeq, headHash);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the audit log", e);
        }
    }

    private static List<AuditRecord> read(PreparedStatement query) throws SQLException {
        List<AuditRecord> rows = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                AuditEntry entry = new AuditEntry(
                        result.getString(12),
                        result.getObject(2, OffsetDateTime.class).toInstant(),
                        result.getString(3),
                        result.getString(4),
                        result.getString(5),
                        result.getString(6),
                        Outcome.valueOf(result.getString(7)),
                        result.getString(8),
                        result.getString(9));
                rows.add(new AuditRecord(result.getLong(1), entry, result.getString(10), result.getString(11)));
            }
        }
        return rows;
    }

    private String currentRequestId() {
        try {
            return RequestIds.of(currentRequest.getCurrent());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
