-- The systems that hold a school's records, by record class, as last announced in holding-systems.changed (about the
-- school): what accountability-service's record of processing activities (UK GDPR Art. 30) names as where each kind of
-- data is kept (holding.HoldingSystemsService). Held means not yet disposed of: status ACTIVE, PROPOSED or APPROVED.
-- After each change to the register (a registration, a confirmed destruction or transfer) the map is computed again
-- with one aggregate query and compared with this row under the school's transaction lock; only a different map is
-- announced, with version = the previous one + 1 (1 for the first), in the transaction of the change.
-- systems: {"<record class>": ["<system>", ...]} with the systems sorted by code point (COLLATE "C") and no class
-- without a system; announced_at: the service's clock.
CREATE TABLE holding_systems_announced (
    school_urn   CHAR(6)     PRIMARY KEY,
    version      BIGINT      NOT NULL CHECK (version > 0),
    systems      JSONB       NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL
);

-- The distinct (class, system) pairs of a school's held holdings, found by skipping through this index one pair at a
-- time (sql/held-systems.sql): about 2 ms whatever the school's size, where reading all the school's holdings
-- costs tens of milliseconds for 50,000 (bench/held-systems.sh). Index-only once autovacuum has seen the rows.
CREATE INDEX holding_held_systems ON holding (school_urn, class_code, system)
    WHERE status IN ('ACTIVE', 'PROPOSED', 'APPROVED');
