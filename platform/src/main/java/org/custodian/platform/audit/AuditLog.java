package org.custodian.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.http.RequestIds;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.security.Caller;

/**
 * The service's append-only audit log. Every change of personal data and every read of a subject's full record is
 * written here, in the same transaction as the change, chained per school by HMAC ({@link AuditChain}) and anchored
 * outside the database by signed checkpoints ({@link AuditCheckpointJob}).
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
                                   request_id, detail, key_id, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String MOVE_HEAD = "UPDATE audit_chain_head SET seq = ?, hash = ? WHERE school_urn = ?";
    private static final String COLUMNS =
            "seq, occurred_at, actor, actor_role, subject, action, outcome, request_id, detail, prev_hash, hash, school_urn, key_id";
    private static final int BATCH = 1000;

    private final DataSource dataSource;
    private final CurrentVertxRequest currentRequest;
    private final AuditKeys keys;
    private final AuditCheckpoints checkpoints;

    @Inject
    public AuditLog(
            DataSource dataSource,
            CurrentVertxRequest currentRequest,
            AuditConfig config,
            AuditCheckpoints checkpoints) {
        this(dataSource, currentRequest, AuditKeys.parse(config.chainKeys()), checkpoints);
    }

    /** With other keys than configured: how a test shows a key rotation. */
    public AuditLog(
            DataSource dataSource, CurrentVertxRequest currentRequest, AuditKeys keys, AuditCheckpoints checkpoints) {
        this.dataSource = dataSource;
        this.currentRequest = currentRequest;
        this.keys = keys;
        this.checkpoints = checkpoints;
    }

    /** The head of a school's chain: its last row's sequence number and hash. */
    public record ChainHead(String schoolUrn, long seq, String hash) {}

    /** Records what the calling user did, in the current transaction (or a new one). */
    @Transactional
    public AuditRecord record(
            Caller caller, String schoolUrn, String subject, String action, Outcome outcome, String detail) {
        return record(new AuditEntry(
                schoolUrn,
                Instant.now(),
                caller.subject(),
                caller.primaryRole(),
                subject,
                action,
                outcome,
                currentRequestId(),
                detail));
    }

    /** Records a refusal in its own transaction, so that it stays recorded when the request's work rolls back. */
    public AuditRecord recordDenial(Caller caller, String schoolUrn, String subject, String action, String detail) {
        AuditEntry entry = new AuditEntry(
                schoolUrn,
                Instant.now(),
                caller.subject(),
                caller.primaryRole(),
                subject,
                action,
                Outcome.DENIED,
                currentRequestId(),
                detail);
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
            String keyId = keys.currentId();
            String hash = AuditChain.hash(keys, keyId, seq, prevHash, entry);
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
                insert.setString(11, keyId);
                insert.setString(12, prevHash);
                insert.setString(13, hash);
                insert.executeUpdate();
            }
            try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
                move.setLong(1, seq);
                move.setString(2, hash);
                move.setString(3, entry.schoolUrn());
                move.executeUpdate();
            }
            return new AuditRecord(seq, entry, keyId, prevHash, hash);
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

    /**
     * Walks the whole chain of a school in batches, checking every row's key, hash and link, the end against the
     * recorded head, and the chain against the school's latest signed checkpoint.
     */
    @Transactional
    public AuditVerification verify(String schoolUrn) {
        AuditCheckpoint checkpoint = null;
        String untrusted = null;
        try {
            checkpoint = checkpoints.latest(schoolUrn).orElse(null);
        } catch (AuditCheckpoints.Untrusted e) {
            untrusted = e.getMessage();
        }
        AuditChain.Verifier verifier = new AuditChain.Verifier(keys, checkpoint);
        try (Connection connection = dataSource.getConnection()) {
            boolean intact = walk(connection, schoolUrn, 0, Long.MAX_VALUE, verifier);
            ChainHead head = head(connection, schoolUrn);
            // rows committed while the walk ran are behind a head read after it: walk on to that head
            for (int round = 0; round < 3 && intact && head.seq() > verifier.lastSeq(); round++) {
                intact = walk(connection, schoolUrn, verifier.lastSeq(), Long.MAX_VALUE, verifier);
                head = head(connection, schoolUrn);
            }
            if (untrusted != null) {
                verifier.distrust(untrusted);
            }
            return verifier.finish(schoolUrn, head.seq(), head.hash());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the audit log", e);
        }
    }

    /** The head of every school's chain. */
    @Transactional
    public List<ChainHead> heads() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT school_urn, seq, hash FROM audit_chain_head ORDER BY school_urn");
                ResultSet rows = query.executeQuery()) {
            List<ChainHead> heads = new ArrayList<>();
            while (rows.next()) {
                heads.add(new ChainHead(rows.getString(1), rows.getLong(2), rows.getString(3)));
            }
            return heads;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit chain heads", e);
        }
    }

    /**
     * Why the chain up to {@code head} does not extend {@code previous} (the school's latest checkpoint, or null for
     * none), or empty when it does: only the rows from the previous checkpoint on are walked.
     */
    @Transactional
    public Optional<String> whyNotExtending(AuditCheckpoint previous, ChainHead head) {
        AuditChain.Verifier verifier =
                previous == null ? new AuditChain.Verifier(keys, null) : AuditChain.Verifier.resumingAt(keys, previous);
        try (Connection connection = dataSource.getConnection()) {
            walk(connection, head.schoolUrn(), previous == null ? 0 : previous.seq() - 1, head.seq(), verifier);
            AuditVerification result = verifier.finish(head.schoolUrn(), head.seq(), head.hash());
            return result.intact() ? Optional.empty() : Optional.of(result.problem());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
    }

    /** Feeds the rows after {@code afterSeq} up to {@code upToSeq} to the verifier; false once it finds a break. */
    private static boolean walk(
            Connection connection, String schoolUrn, long afterSeq, long upToSeq, AuditChain.Verifier verifier)
            throws SQLException {
        long after = afterSeq;
        while (true) {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM audit_log WHERE school_urn = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT " + BATCH)) {
                query.setString(1, schoolUrn);
                query.setLong(2, after);
                query.setLong(3, upToSeq);
                List<AuditRecord> batch = read(query);
                for (AuditRecord row : batch) {
                    if (!verifier.accept(row)) {
                        return false;
                    }
                    after = row.seq();
                }
                if (batch.size() < BATCH) {
                    return true;
                }
            }
        }
    }

    private static ChainHead head(Connection connection, String schoolUrn) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT seq, hash FROM audit_chain_head WHERE school_urn = ?")) {
            query.setString(1, schoolUrn);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next()
                        ? new ChainHead(schoolUrn, rows.getLong(1), rows.getString(2))
                        : new ChainHead(schoolUrn, 0, AuditChain.GENESIS);
            }
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
                rows.add(new AuditRecord(
                        result.getLong(1), entry, result.getString(13), result.getString(10), result.getString(11)));
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
