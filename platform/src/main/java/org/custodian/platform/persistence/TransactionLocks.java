package org.custodian.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.platform.jdbc.Jdbc;

/**
 * Named locks held until the current transaction ends (PostgreSQL transaction-scoped advisory locks), for work that
 * must run one at a time per name across replicas, including work that creates the rows a row lock would need.
 */
@ApplicationScoped
public class TransactionLocks {

    private final Jdbc jdbc;

    public TransactionLocks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other transaction holds the lock of that name, then holds it until this transaction ends. */
    public void hold(String name) {
        jdbc.list("SELECT pg_advisory_xact_lock(hashtext(?))", row -> 1, name);
    }
}
