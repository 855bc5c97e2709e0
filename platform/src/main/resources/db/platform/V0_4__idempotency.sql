-- Idempotency-Key on creating POSTs: the first response is kept and replayed for the same key and body.
CREATE TABLE idempotency_key (
    caller          TEXT        NOT NULL,
    idem_key        TEXT        NOT NULL,
    request_hash    CHAR(64)    NOT NULL,
    status          INTEGER,
    response_body   TEXT,
    location        TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, idem_key)
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
