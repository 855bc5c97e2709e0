-- Token revocations: a DPO's for their school, an operator's for every school (school_urn NULL). Each is also a
-- uk.custodian.token.revoked event on custodian.revocations.v1, which every replica of every service and the gateway
-- reads (platform-tokens); this table is the record of who revoked what, when and why.
CREATE TABLE token_revocation (
    seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               UUID        NOT NULL UNIQUE,
    school_urn       CHAR(6),
    subject          TEXT,
    token_id         TEXT,
    reason           TEXT        NOT NULL,
    revoked_at       TIMESTAMPTZ NOT NULL,
    revoked_by       TEXT        NOT NULL,
    revoked_by_role  TEXT        NOT NULL,
    CHECK ((subject IS NULL) <> (token_id IS NULL))
);

CREATE INDEX token_revocation_school ON token_revocation (school_urn, seq);
