package org.custodian.consent.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import org.custodian.platform.persistence.TransactionLocks;

/**
 * Appends to a school's changes feed in the caller's transaction. The school's changes lock is taken first and held
 * to the commit, so the entries of one school are numbered in the order their transactions commit: a reader who has
 * seen entry n never later finds a smaller one appear. Callers append after their audit entry (which holds the
 * school's audit chain head), so the two locks are always taken in the same order.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ChangeLog {

    private final ChangeQueries queries;
    private final TransactionLocks locks;

    public ChangeLog(ChangeQueries queries, TransactionLocks locks) {
        this.queries = queries;
        this.locks = locks;
    }

    public void append(String urn, NewChange change) {
        appendAll(urn, List.of(change));
    }

    public void appendAll(String urn, List<NewChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        locks.hold("roster-changes:" + urn);
        changes.forEach(change -> queries.insert(urn, change));
    }
}
