package org.custodian.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.http.RequestIds;
import org.custodian.platform.jdbc.Jdbc;
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

    /** Set on the request when a service audited its own refusal, so {@link RefusalAuditFilter} does not again. */
    static final String DENIAL_RECORDED = "custodian.audit.denialRecorded";

    private final Jdbc jdbc;
    private final CurrentVertxRequest currentRequest;
    private final AuditKeys keys;
    private final AuditCheckpoints checkpoints;
    private final Clock clock;

    @Inject
    public AuditLog(
            Jdbc jdbc,
            CurrentVertxRequest currentRequest,
            AuditConfig config,
            AuditCheckpoints checkpoints,
            Clock clock) {
        this(jdbc, currentRequest, AuditKeys.parse(config.chainKeys()), checkpoints, clock);
    }

    /** With other keys than configured: how a test shows a key rotation. */
    public AuditLog(
            Jdbc jdbc, CurrentVertxRequest currentRequest, AuditKeys keys, AuditCheckpoints checkpoints, Clock clock) {
        this.jdbc = jdbc;
        this.currentRequest = currentRequest;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** The head of a school's chain: its last row's sequence number and hash. */
    public record ChainHead(String schoolUrn, long seq, String hash) {}

    /** Records what the calling user did, in the current transaction (or a new one). */
    @Transactional
    public AuditRecord record(
            Caller caller, String schoolUrn, String subject, String action, Outcome outcome, String detail) {
        return record(new AuditEntry(
                schoolUrn,
                clock.instant(),
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
                clock.instant(),
                caller.subject(),
                caller.primaryRole(),
                subject,
                action,
                Outcome.DENIED,
                currentRequestId(),
                detail);
        markDenialRecorded();
        return QuarkusTransaction.requiringNew().call(() -> record(entry));
    }

    @Transactional
    public AuditRecord record(AuditEntry entry) {
        // the upsert takes the row lock on the school's chain head: one append per school at a time
        ChainHead head = jdbc.one(
                        LOCK_HEAD, row -> readHead(entry.schoolUrn(), row), entry.schoolUrn(), AuditChain.GENESIS)
                .orElseThrow();
        long seq = head.seq() + 1;
        String keyId = keys.currentId();
        String hash = AuditChain.hash(keys, keyId, seq, head.hash(), entry);
        jdbc.update(
                INSERT,
                entry.schoolUrn(),
                seq,
                entry.occurredAt(),
                entry.actor(),
                entry.actorRole(),
                entry.subject(),
                entry.action(),
                entry.outcome(),
                entry.requestId(),
                entry.detail(),
                keyId,
                head.hash(),
                hash);
        jdbc.update(MOVE_HEAD, seq, hash, entry.schoolUrn());
        return new AuditRecord(seq, entry, keyId, head.hash(), hash);
    }

    /** A school's log, newest first, optionally only about one subject. */
    @Transactional
    public Page<AuditRecord> page(String schoolUrn, String subject, PageRequest request) {
        return page(schoolUrn, AuditFilter.ofSubject(subject), request);
    }

    /** A school's log, newest first (by sequence, which is the order of time), filtered. */
    @Transactional
    public Page<AuditRecord> page(String schoolUrn, AuditFilter filter, PageRequest request) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE school_urn = ?");
        List<Object> params = new ArrayList<>();
        params.add(schoolUrn);
        if (filter.subject() != null) {
            sql.append(" AND subject = ?");
            params.add(filter.subject());
        }
        if (filter.pupil() != null) {
            List<String> forms = AuditSubjects.pupilForms(schoolUrn, filter.pupil());
            sql.append(" AND subject IN (")
                    .append("?, ".repeat(forms.size() - 1))
                    .append("?)");
            params.addAll(forms);
        }
        if (filter.actor() != null) {
            sql.append(" AND actor = ?");
            params.add(filter.actor());
        }
        if (filter.action() != null) {
            sql.append(" AND (action = ? OR starts_with(action, ?))");
            params.add(filter.action());
            params.add(filter.action() + ".");
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(filter.to());
        }
        if (filter.result() != null) {
            List<String> outcomes = java.util.Arrays.stream(Outcome.values())
                    .filter(o -> o.result().equals(filter.result()))
                    .map(Outcome::name)
                    .toList();
            sql.append(" AND outcome = ANY (?)");
            params.add(outcomes.toArray(String[]::new));
        }
        if (!request.isFirst()) {
            sql.append(" AND seq < ?");
            params.add(request.afterLong(0));
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(request.fetchSize());
        List<AuditRecord> rows = jdbc.list(sql.toString(), AuditLog::readRecord, params.toArray());
        return Page.fromRows(rows, request, row -> List.of(Long.toString(row.seq())));
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
        boolean intact = walk(schoolUrn, 0, Long.MAX_VALUE, verifier);
        ChainHead head = head(schoolUrn);
        // rows committed while the walk ran are behind a head read after it: walk on to that head
        for (int round = 0; round < 3 && intact && head.seq() > verifier.lastSeq(); round++) {
            intact = walk(schoolUrn, verifier.lastSeq(), Long.MAX_VALUE, verifier);
            head = head(schoolUrn);
        }
        if (untrusted != null) {
            verifier.distrust(untrusted);
        }
        return verifier.finish(schoolUrn, head.seq(), head.hash());
    }

    /** The head of every school's chain. */
    @Transactional
    public List<ChainHead> heads() {
        return jdbc.list(
                "SELECT school_urn, seq, hash FROM audit_chain_head ORDER BY school_urn",
                row -> readHead(row.getString("school_urn"), row));
    }

    /**
     * Why the chain up to {@code head} does not extend {@code previous} (the school's latest checkpoint, or null for
     * none), or empty when it does: only the rows from the previous checkpoint on are walked.
     */
    @Transactional
    public Optional<String> whyNotExtending(AuditCheckpoint previous, ChainHead head) {
        AuditChain.Verifier verifier =
                previous == null ? new AuditChain.Verifier(keys, null) : AuditChain.Verifier.resumingAt(keys, previous);
        walk(head.schoolUrn(), previous == null ? 0 : previous.seq() - 1, head.seq(), verifier);
        AuditVerification result = verifier.finish(head.schoolUrn(), head.seq(), head.hash());
        return result.intact() ? Optional.empty() : Optional.of(result.problem());
    }

    /** Feeds the rows after {@code afterSeq} up to {@code upToSeq} to the verifier; false once it finds a break. */
    private boolean walk(String schoolUrn, long afterSeq, long upToSeq, AuditChain.Verifier verifier) {
        long after = afterSeq;
        while (true) {
            List<AuditRecord> batch = jdbc.list(
                    "SELECT " + COLUMNS + " FROM audit_log WHERE school_urn = ? AND seq > ? AND seq <= ? ORDER BY seq"
                            + " LIMIT " + BATCH,
                    AuditLog::readRecord,
                    schoolUrn,
                    after,
                    upToSeq);
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

    private ChainHead head(String schoolUrn) {
        return jdbc.one(
                        "SELECT seq, hash FROM audit_chain_head WHERE school_urn = ?",
                        row -> readHead(schoolUrn, row),
                        schoolUrn)
                .orElse(new ChainHead(schoolUrn, 0, AuditChain.GENESIS));
    }

    private static ChainHead readHead(String schoolUrn, ResultSet row) throws SQLException {
        return new ChainHead(schoolUrn, row.getLong("seq"), row.getString("hash"));
    }

    private static AuditRecord readRecord(ResultSet row) throws SQLException {
        AuditEntry entry = new AuditEntry(
                row.getString("school_urn"),
                Jdbc.instant(row, "occurred_at"),
                row.getString("actor"),
                row.getString("actor_role"),
                row.getString("subject"),
                row.getString("action"),
                Outcome.valueOf(row.getString("outcome")),
                row.getString("request_id"),
                row.getString("detail"));
        return new AuditRecord(
                row.getLong("seq"), entry, row.getString("key_id"), row.getString("prev_hash"), row.getString("hash"));
    }

    private void markDenialRecorded() {
        try {
            if (currentRequest.getCurrent() != null) {
                currentRequest.getCurrent().put(DENIAL_RECORDED, Boolean.TRUE);
            }
        } catch (RuntimeException e) {
            // not in a request: nothing to mark
        }
    }

    private String currentRequestId() {
        try {
            return RequestIds.of(currentRequest.getCurrent());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
