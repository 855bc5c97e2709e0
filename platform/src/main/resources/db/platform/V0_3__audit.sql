-- Append-only audit log, hash-chained per school: each row carries the hash of the school's previous row.
CREATE TABLE audit_log (
    school_urn   CHAR(6)     NOT NULL,
    seq          BIGINT      NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    actor_role   TEXT        NOT NULL,
    subject      TEXT,
    action       TEXT        NOT NULL,
    outcome      TEXT        NOT NULL,
    request_id   TEXT,
    detail       TEXT,
    prev_hash    CHAR(64)    NOT NULL,
    hash         CHAR(64)    NOT NULL,
    PRIMARY KEY (school_urn, seq)
);

CREATE INDEX audit_log_subject ON audit_log (school_urn, subject, seq);

-- The head of each school's chain: serialises appends and lets the verifier notice a deleted last row.
CREATE TABLE audit_chain_head (
    school_urn  CHAR(6)  PRIMARY KEY,
    seq         BIGINT   NOT NULL,
    hash        CHAR(64) NOT NULL
);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
